package rehearse.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import rehearse.base.ExitCodes;
import rehearse.base.Failure;
import rehearse.io.OutputFile;
import rehearse.plan.Target;
import rehearse.session.Session;

/**
 * One entry point for front ends that export what a rehearsal holds, the format chosen by the
 * file's extension: {@code .md} the report in Markdown, {@code .html} or {@code .htm} the report
 * in HTML, {@code .runbook.md} the runbook in Markdown, {@code .cmd} or {@code .bat} the runbook as
 * a batch file. The runbook is that of the chosen target from the cluster as it is now. Written as
 * every file is ({@link OutputFile}: a temporary file renamed over the place).
 */
public final class Exports {
    /** What a file's extension asks for. */
    public enum Kind {
        REPORT_MARKDOWN, REPORT_HTML, RUNBOOK_MARKDOWN, RUNBOOK_BATCH
    }

    private Exports() {}

    /** The kind the file's name asks for; a usage error (exit 2) naming the accepted extensions otherwise. */
    public static Kind kind(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".runbook.md")) return Kind.RUNBOOK_MARKDOWN;
        if (n.endsWith(".md")) return Kind.REPORT_MARKDOWN;
        if (n.endsWith(".html") || n.endsWith(".htm")) return Kind.REPORT_HTML;
        if (n.endsWith(".cmd") || n.endsWith(".bat")) return Kind.RUNBOOK_BATCH;
        throw new Failure(ExitCodes.USAGE, "rehearse: cannot tell what to write to " + rehearse.base.Printable.clean(file.toString())
                + " from its extension: .md or .html for the report, .runbook.md or .cmd (.bat) for the runbook");
    }

    /** The report's format for {@code --report FILE}: HTML for .html or .htm, else Markdown (as before extensions counted). */
    public static Kind reportKind(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") ? Kind.REPORT_HTML : Kind.REPORT_MARKDOWN;
    }

    /**
     * The bytes of {@code kind} for the session: the report with downtime judged against
     * {@code windowMs}, or the runbook (a batch file in {@code codePage}). A runbook without a target,
     * or one the code page cannot hold, is a {@link Failure} saying so.
     */
    public static byte[] render(Kind kind, Session session, long windowMs, CodePage codePage) {
        if (kind == Kind.REPORT_MARKDOWN) return RehearsalReport.markdown(session, windowMs).getBytes(StandardCharsets.UTF_8);
        if (kind == Kind.REPORT_HTML) return ReportHtml.of(session, windowMs).getBytes(StandardCharsets.UTF_8);
        Target target = session.target().orElseThrow(() -> new Failure(ExitCodes.USAGE,
                "rehearse: the runbook follows a target: choose one first ('target \"IIS 5.0\"')"));
        Runbook rb = Runbook.of(session.state(), target, windowMs);
        rb.unquotable().ifPresent(p -> {
            throw new Failure(ExitCodes.DATA, "rehearse: " + p);
        });
        if (kind == Kind.RUNBOOK_MARKDOWN) return rb.markdown().getBytes(StandardCharsets.UTF_8);
        RunbookBatch batch = rb.batch(codePage);
        batch.problem().ifPresent(p -> {
            throw new Failure(ExitCodes.USAGE, "rehearse: " + p);
        });
        return batch.bytes();
    }

    /**
     * The code page a batch runbook of the session is best written in where no one chose: 437 (the
     * US console's) if it holds every name, else the first supported one that does (the file sets
     * it with chcp, so any works); 437 when none does, for the refusal to name it.
     */
    public static CodePage batchCodePage(Session session, long windowMs) {
        CodePage standard = CodePage.of(CodePage.DEFAULT).orElseThrow();
        if (session.target().isEmpty()) return standard;
        Runbook rb = Runbook.of(session.state(), session.target().get(), windowMs);
        if (rb.batch(standard).problem().isEmpty()) return standard;
        for (CodePage c : CodePage.supported()) if (rb.batch(c).problem().isEmpty()) return c;
        return standard;
    }

    /** Writes what {@code file}'s extension asks for; a file that cannot be written is exit 73 with the cause. */
    public static void write(Path file, Session session, long windowMs, CodePage codePage, Collection<Path> inputs) {
        byte[] bytes = render(kind(file), session, windowMs, codePage);
        try {
            OutputFile.write(file, bytes, inputs);
        } catch (OutputFile.Refused e) {
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write " + rehearse.base.Printable.clean(file.toString()) + ": "
                    + e.getMessage());
        }
    }
}
