package rehearse.session;

/** Cluster files for engine tests. */
final class Clusters {
    private Clusters() {}

    /** The sample's shape at a configuration of choice (%s). */
    static final String SAMPLE_AT = """
            cluster: TEST
            nodes:
              - {name: NODEA, config: %1$s}
              - {name: NODEB, config: %1$s}
            groups:
              - name: Web Group
                owner: NODEA
                preferredOwners: [NODEA, NODEB]
                resources:
                  - {name: Web IP, type: IP Address}
                  - {name: Web Name, type: Network Name, dependsOn: [Web IP]}
                  - {name: Web Disk, type: Physical Disk}
                  - {name: Web Server, type: IIS, dependsOn: [Web IP, Web Disk]}
              - name: FTP Group
                owner: NODEB
                preferredOwners: [NODEB, NODEA]
                resources:
                  - {name: FTP IP, type: IP Address}
                  - {name: FTP Disk, type: Physical Disk}
                  - {name: FTP Server, type: IIS, dependsOn: [FTP IP, FTP Disk]}
            timings:
              IP Address: {online: 1, offline: 1}
              Network Name: {online: 3, offline: 2}
              Physical Disk: {online: 3, offline: 2}
              IIS: {online: 5, offline: 3}
              upgrade: 2400
              join: 60
            """;
}
