package rehearse.sim;

import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/** Something that happened in the simulated cluster, at a simulated time (ms since the start). */
public sealed interface Event {
    long time();

    /** One line for transcripts and the UI's log; names are the cluster's own. */
    String describe();

    record ResourceChanged(long time, String group, String resource, String node, ResourceState from, ResourceState to)
            implements Event {
        public String describe() {
            return "resource '" + resource + "' (" + group + ") on " + node + ": " + from.label() + " -> " + to.label();
        }
    }

    record OwnerChanged(long time, String group, String from, String to, String why) implements Event {
        public String describe() {
            return "group '" + group + "' " + why + ": " + from + " -> " + to;
        }
    }

    record NodeChanged(long time, String node, NodeState from, NodeState to, String why) implements Event {
        public String describe() {
            return "node " + node + ": " + from.label() + " -> " + to.label() + (why.isEmpty() ? "" : " (" + why + ")");
        }
    }

    record NodeUpgraded(long time, String node, String fromConfig, String toConfig) implements Event {
        public String describe() {
            return "node " + node + " upgraded: " + fromConfig + " -> " + toConfig;
        }
    }

    /** Plan steps, faults, acknowledgements and other happenings with no state of their own. */
    record Notice(long time, String text) implements Event {
        public String describe() {
            return text;
        }
    }
}
