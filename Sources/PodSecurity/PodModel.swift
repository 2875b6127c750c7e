import Diagnostics

/// The parts of a pod's (or pod template's) metadata that Pod Security Admission reads.
public struct PodMetadata: Sendable, Equatable {
    public var name: String
    public var annotations: [String: String]

    public init(name: String = "", annotations: [String: String] = [:]) {
        self.name = name
        self.annotations = annotations
    }
}

/// A pod spec reduced to the fields the v0.36.2 checks read. Optional fields keep the
/// difference between "unset" and "set to the zero value", as the Go pointers do.
public struct PodSpec: Sendable, Equatable {
    public var hostNetwork = false
    public var hostPID = false
    public var hostIPC = false
    public var hostUsers: Bool?
    /// `spec.os.name` when `spec.os` is set.
    public var osName: String?
    public var runtimeClassName: String?
    public var securityContext: PodSecurityContext?
    public var initContainers: [Container] = []
    public var containers: [Container] = []
    public var ephemeralContainers: [Container] = []
    public var volumes: [Volume] = []

    public init() {}

    /// Init containers, then containers, then ephemeral containers (visitor.go).
    public var allContainers: [Container] { initContainers + containers + ephemeralContainers }

    /// Calls `body` for every container in the order upstream's visitContainers uses.
    @inlinable
    public func visitContainers(_ body: (Container) -> Void) {
        for c in initContainers { body(c) }
        for c in containers { body(c) }
        for c in ephemeralContainers { body(c) }
    }

    public var isWindows: Bool { osName == "windows" }
}

/// `spec.securityContext`.
public struct PodSecurityContext: Sendable, Equatable {
    public var runAsNonRoot: Bool?
    public var runAsUser: Int64?
    public var seLinuxOptions: SELinuxOptions?
    /// `seccompProfile.type` when `seccompProfile` is set ("" when the type is missing).
    public var seccompProfileType: String?
    /// `appArmorProfile.type` when `appArmorProfile` is set.
    public var appArmorProfileType: String?
    /// `windowsOptions.hostProcess`.
    public var windowsHostProcess: Bool?
    public var sysctls: [Sysctl] = []

    public init() {}
}

/// A container, init container or ephemeral container.
public struct Container: Sendable, Equatable {
    public var name: String
    public var image: String = ""
    public var ports: [ContainerPort] = []
    public var securityContext: SecurityContext?
    public var livenessProbe: Handler?
    public var readinessProbe: Handler?
    public var startupProbe: Handler?
    public var postStart: Handler?
    public var preStop: Handler?
    /// Where the container is in the source, for explanations.
    public var span: Span?

    public init(name: String) { self.name = name }
}

/// A probe or lifecycle handler: only the `host` of its httpGet and tcpSocket actions matter.
public struct Handler: Sendable, Equatable {
    /// `httpGet.host` when `httpGet` is set ("" when host is unset).
    public var httpGetHost: String?
    /// `tcpSocket.host` when `tcpSocket` is set.
    public var tcpSocketHost: String?

    public init(httpGetHost: String? = nil, tcpSocketHost: String? = nil) {
        self.httpGetHost = httpGetHost
        self.tcpSocketHost = tcpSocketHost
    }

    /// The non-empty hosts, httpGet first (getForbiddenHostProbes).
    public var forbiddenHosts: [String] {
        var hosts: [String] = []
        if let h = httpGetHost, !h.isEmpty { hosts.append(h) }
        if let h = tcpSocketHost, !h.isEmpty { hosts.append(h) }
        return hosts
    }
}

/// `containers[*].ports[*]`.
public struct ContainerPort: Sendable, Equatable {
    public var containerPort: Int32
    public var hostPort: Int32

    public init(containerPort: Int32 = 0, hostPort: Int32 = 0) {
        self.containerPort = containerPort
        self.hostPort = hostPort
    }
}

/// A container's `securityContext`.
public struct SecurityContext: Sendable, Equatable {
    public var allowPrivilegeEscalation: Bool?
    public var privileged: Bool?
    public var capabilities: Capabilities?
    public var procMount: String?
    public var runAsNonRoot: Bool?
    public var runAsUser: Int64?
    public var seLinuxOptions: SELinuxOptions?
    public var seccompProfileType: String?
    public var appArmorProfileType: String?
    public var windowsHostProcess: Bool?

    public init() {}
}

/// `securityContext.capabilities`.
public struct Capabilities: Sendable, Equatable {
    public var add: [String] = []
    public var drop: [String] = []

    public init(add: [String] = [], drop: [String] = []) {
        self.add = add
        self.drop = drop
    }
}

/// `seLinuxOptions`.
public struct SELinuxOptions: Sendable, Equatable {
    public var user = ""
    public var role = ""
    public var type = ""
    public var level = ""

    public init(user: String = "", role: String = "", type: String = "", level: String = "") {
        self.user = user
        self.role = role
        self.type = type
        self.level = level
    }
}

/// `spec.securityContext.sysctls[*]`.
public struct Sysctl: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String = "") {
        self.name = name
        self.value = value
    }
}

/// A pod volume: its name and which volume sources are set (non-null).
public struct Volume: Sendable, Equatable {
    public var name: String
    /// The VolumeSource fields present with a non-null value, in document order.
    public var sources: [String]
    public var span: Span?

    public init(name: String, sources: [String] = [], span: Span? = nil) {
        self.name = name
        self.sources = sources
        self.span = span
    }

    /// Every field of core/v1 VolumeSource, as JSON names.
    public static let sourceFields: Set<String> = [
        "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs",
        "iscsi", "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker",
        "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk",
        "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
    ]

    public func has(_ source: String) -> Bool { sources.contains(source) }
}
