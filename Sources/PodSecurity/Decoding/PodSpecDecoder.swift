import ContentFormat
import Diagnostics

/// Decodes a pod spec (and the structs under it that the checks read) from YAML,
/// type-checking every field it reads. Paths are JSON paths with indices; the reader
/// strips the indices for Go-style type errors.
struct PodSpecDecoder {
    var reader: FieldReader

    mutating func podSpec(_ node: YAMLNode, path: String) -> PodSpec {
        var spec = PodSpec()
        guard let pairs = reader.object(node, path: path, goStruct: "PodSpec", goType: "v1.PodSpec",
                                        known: KnownFields.podSpec) else { return spec }
        for p in pairs {
            let f = path + "." + p.key
            switch p.key {
            case "hostNetwork": spec.hostNetwork = reader.bool(p.value, path: f, goStruct: "PodSpec") ?? false
            case "hostPID": spec.hostPID = reader.bool(p.value, path: f, goStruct: "PodSpec") ?? false
            case "hostIPC": spec.hostIPC = reader.bool(p.value, path: f, goStruct: "PodSpec") ?? false
            case "hostUsers": spec.hostUsers = reader.bool(p.value, path: f, goStruct: "PodSpec")
            case "runtimeClassName": spec.runtimeClassName = reader.string(p.value, path: f, goStruct: "PodSpec")
            case "os":
                if let os = reader.object(p.value, path: f, goStruct: "PodSpec", goType: "v1.PodOS", known: ["name"]) {
                    spec.osName = ""
                    for q in os where q.key == "name" {
                        spec.osName = reader.string(q.value, path: f + ".name", goStruct: "PodOS", goType: "v1.OSName") ?? ""
                    }
                }
            case "securityContext": spec.securityContext = podSecurityContext(p.value, path: f)
            case "initContainers": spec.initContainers = containers(p.value, path: f, goStruct: "Container")
            case "containers": spec.containers = containers(p.value, path: f, goStruct: "Container")
            case "ephemeralContainers":
                spec.ephemeralContainers = containers(p.value, path: f, goStruct: "EphemeralContainer")
            case "volumes": spec.volumes = volumes(p.value, path: f)
            default: break
            }
        }
        return spec
    }

    private mutating func podSecurityContext(_ node: YAMLNode, path: String) -> PodSecurityContext? {
        guard let pairs = reader.object(node, path: path, goStruct: "PodSpec", goType: "v1.PodSecurityContext",
                                        known: KnownFields.podSecurityContext) else { return nil }
        var sc = PodSecurityContext()
        let s = "PodSecurityContext"
        for p in pairs {
            let f = path + "." + p.key
            switch p.key {
            case "runAsNonRoot": sc.runAsNonRoot = reader.bool(p.value, path: f, goStruct: s)
            case "runAsUser": sc.runAsUser = reader.int64(p.value, path: f, goStruct: s)
            case "seLinuxOptions": sc.seLinuxOptions = seLinux(p.value, path: f, goStruct: s)
            case "seccompProfile": sc.seccompProfileType = profileType(p.value, path: f, goStruct: s, kind: "Seccomp")
            case "appArmorProfile": sc.appArmorProfileType = profileType(p.value, path: f, goStruct: s, kind: "AppArmor")
            case "windowsOptions": sc.windowsHostProcess = windowsHostProcess(p.value, path: f, goStruct: s)
            case "sysctls": sc.sysctls = sysctls(p.value, path: f)
            default: break
            }
        }
        return sc
    }

    private mutating func sysctls(_ node: YAMLNode, path: String) -> [Sysctl] {
        guard let items = reader.list(node, path: path, goStruct: "PodSecurityContext", goType: "[]v1.Sysctl") else { return [] }
        var out: [Sysctl] = []
        for (i, item) in items.enumerated() {
            let ip = "\(path)[\(i)]"
            guard let pairs = reader.object(item, path: ip, goStruct: "PodSecurityContext", goType: "v1.Sysctl",
                                            known: ["name", "value"]) else { continue }
            var s = Sysctl(name: "")
            for p in pairs {
                if p.key == "name" { s.name = reader.string(p.value, path: ip + ".name", goStruct: "Sysctl") ?? "" }
                if p.key == "value" { s.value = reader.string(p.value, path: ip + ".value", goStruct: "Sysctl") ?? "" }
            }
            out.append(s)
        }
        return out
    }

    private mutating func seLinux(_ node: YAMLNode, path: String, goStruct: String) -> SELinuxOptions? {
        guard let pairs = reader.object(node, path: path, goStruct: goStruct, goType: "v1.SELinuxOptions",
                                        known: ["user", "role", "type", "level"]) else { return nil }
        var o = SELinuxOptions()
        for p in pairs {
            let v = reader.string(p.value, path: path + "." + p.key, goStruct: "SELinuxOptions") ?? ""
            switch p.key {
            case "user": o.user = v
            case "role": o.role = v
            case "type": o.type = v
            case "level": o.level = v
            default: break
            }
        }
        return o
    }

    /// `seccompProfile` / `appArmorProfile`: the type when the object is set ("" without a type).
    private mutating func profileType(_ node: YAMLNode, path: String, goStruct: String, kind: String) -> String? {
        guard let pairs = reader.object(node, path: path, goStruct: goStruct, goType: "v1.\(kind)Profile",
                                        known: ["type", "localhostProfile"]) else { return nil }
        var type = ""
        for p in pairs {
            let f = path + "." + p.key
            if p.key == "type" {
                type = reader.string(p.value, path: f, goStruct: "\(kind)Profile", goType: "v1.\(kind)ProfileType") ?? ""
            } else if p.key == "localhostProfile" {
                _ = reader.string(p.value, path: f, goStruct: "\(kind)Profile")
            }
        }
        return type
    }

    private mutating func windowsHostProcess(_ node: YAMLNode, path: String, goStruct: String) -> Bool? {
        guard let pairs = reader.object(node, path: path, goStruct: goStruct, goType: "v1.WindowsSecurityContextOptions",
                                        known: KnownFields.windowsOptions) else { return nil }
        var hostProcess: Bool?
        for p in pairs where p.key == "hostProcess" {
            hostProcess = reader.bool(p.value, path: path + ".hostProcess", goStruct: "WindowsSecurityContextOptions")
        }
        return hostProcess
    }

    private mutating func containers(_ node: YAMLNode, path: String, goStruct: String) -> [Container] {
        guard let items = reader.list(node, path: path, goStruct: "PodSpec", goType: "[]v1.\(goStruct)") else { return [] }
        var out: [Container] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let c = container(item, path: "\(path)[\(i)]", goStruct: goStruct) { out.append(c) }
        }
        return out
    }

    private mutating func container(_ node: YAMLNode, path: String, goStruct s: String) -> Container? {
        let known = s == "EphemeralContainer" ? KnownFields.ephemeralContainer : KnownFields.container
        guard let pairs = reader.object(node, path: path, goStruct: "PodSpec", goType: "v1.\(s)", known: known) else {
            return node.isNull ? Container(name: "") : nil
        }
        var c = Container(name: "")
        c.span = node.span
        for p in pairs {
            let f = path + "." + p.key
            switch p.key {
            case "name": c.name = reader.string(p.value, path: f, goStruct: s) ?? ""
            case "image": c.image = reader.string(p.value, path: f, goStruct: s) ?? ""
            case "ports": c.ports = ports(p.value, path: f, goStruct: s)
            case "securityContext": c.securityContext = securityContext(p.value, path: f, goStruct: s)
            case "livenessProbe": c.livenessProbe = handler(p.value, path: f, goStruct: s, probe: true)
            case "readinessProbe": c.readinessProbe = handler(p.value, path: f, goStruct: s, probe: true)
            case "startupProbe": c.startupProbe = handler(p.value, path: f, goStruct: s, probe: true)
            case "lifecycle":
                guard let lc = reader.object(p.value, path: f, goStruct: s, goType: "v1.Lifecycle",
                                             known: ["postStart", "preStop", "stopSignal"]) else { continue }
                for q in lc where q.key == "postStart" || q.key == "preStop" {
                    let h = handler(q.value, path: f + "." + q.key, goStruct: "Lifecycle", probe: false)
                    if q.key == "postStart" { c.postStart = h } else { c.preStop = h }
                }
            default: break
            }
        }
        return c
    }

    private mutating func ports(_ node: YAMLNode, path: String, goStruct: String) -> [ContainerPort] {
        guard let items = reader.list(node, path: path, goStruct: goStruct, goType: "[]v1.ContainerPort") else { return [] }
        var out: [ContainerPort] = []
        for (i, item) in items.enumerated() {
            let ip = "\(path)[\(i)]"
            guard let pairs = reader.object(item, path: ip, goStruct: goStruct, goType: "v1.ContainerPort",
                                            known: KnownFields.containerPort) else { continue }
            var port = ContainerPort()
            for p in pairs {
                let f = ip + "." + p.key
                switch p.key {
                case "containerPort": port.containerPort = reader.int32(p.value, path: f, goStruct: "ContainerPort") ?? 0
                case "hostPort": port.hostPort = reader.int32(p.value, path: f, goStruct: "ContainerPort") ?? 0
                case "name", "protocol", "hostIP": _ = reader.string(p.value, path: f, goStruct: "ContainerPort")
                default: break
                }
            }
            out.append(port)
        }
        return out
    }

    private mutating func securityContext(_ node: YAMLNode, path: String, goStruct: String) -> SecurityContext? {
        guard let pairs = reader.object(node, path: path, goStruct: goStruct, goType: "v1.SecurityContext",
                                        known: KnownFields.securityContext) else { return nil }
        var sc = SecurityContext()
        let s = "SecurityContext"
        for p in pairs {
            let f = path + "." + p.key
            switch p.key {
            case "allowPrivilegeEscalation": sc.allowPrivilegeEscalation = reader.bool(p.value, path: f, goStruct: s)
            case "privileged": sc.privileged = reader.bool(p.value, path: f, goStruct: s)
            case "runAsNonRoot": sc.runAsNonRoot = reader.bool(p.value, path: f, goStruct: s)
            case "runAsUser": sc.runAsUser = reader.int64(p.value, path: f, goStruct: s)
            case "procMount": sc.procMount = reader.string(p.value, path: f, goStruct: s, goType: "v1.ProcMountType")
            case "seLinuxOptions": sc.seLinuxOptions = seLinux(p.value, path: f, goStruct: s)
            case "seccompProfile": sc.seccompProfileType = profileType(p.value, path: f, goStruct: s, kind: "Seccomp")
            case "appArmorProfile": sc.appArmorProfileType = profileType(p.value, path: f, goStruct: s, kind: "AppArmor")
            case "windowsOptions": sc.windowsHostProcess = windowsHostProcess(p.value, path: f, goStruct: s)
            case "capabilities":
                guard let caps = reader.object(p.value, path: f, goStruct: s, goType: "v1.Capabilities",
                                               known: ["add", "drop"]) else { continue }
                var c = Capabilities()
                for q in caps {
                    let list = reader.strings(q.value, path: f + "." + q.key, goStruct: "Capabilities", element: "v1.Capability")
                    if q.key == "add" { c.add = list } else if q.key == "drop" { c.drop = list }
                }
                sc.capabilities = c
            default: break
            }
        }
        return sc
    }

    /// A probe (handler fields inline) or a lifecycle handler: the hosts of httpGet and tcpSocket.
    private mutating func handler(_ node: YAMLNode, path: String, goStruct: String, probe: Bool) -> Handler? {
        let type = probe ? "v1.Probe" : "v1.LifecycleHandler"
        guard let pairs = reader.object(node, path: path, goStruct: goStruct, goType: type,
                                        known: probe ? KnownFields.probe : KnownFields.lifecycleHandler) else { return nil }
        var h = Handler()
        let s = probe ? "Probe" : "LifecycleHandler"
        for p in pairs where p.key == "httpGet" || p.key == "tcpSocket" {
            let f = path + "." + p.key
            let action = p.key == "httpGet" ? "HTTPGetAction" : "TCPSocketAction"
            guard let fields = reader.object(p.value, path: f, goStruct: s, goType: "v1.\(action)",
                                             known: p.key == "httpGet" ? KnownFields.httpGet : ["port", "host"]) else { continue }
            var host = ""
            for q in fields where q.key == "host" { host = reader.string(q.value, path: f + ".host", goStruct: action) ?? "" }
            if p.key == "httpGet" { h.httpGetHost = host } else { h.tcpSocketHost = host }
        }
        return h
    }

    private mutating func volumes(_ node: YAMLNode, path: String) -> [Volume] {
        guard let items = reader.list(node, path: path, goStruct: "PodSpec", goType: "[]v1.Volume") else { return [] }
        var out: [Volume] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let ip = "\(path)[\(i)]"
            guard let pairs = reader.object(item, path: ip, goStruct: "PodSpec", goType: "v1.Volume",
                                            known: KnownFields.volume) else { continue }
            var v = Volume(name: "", span: item.span)
            for p in pairs {
                if p.key == "name" {
                    v.name = reader.string(p.value, path: ip + ".name", goStruct: "Volume") ?? ""
                } else if Volume.sourceFields.contains(p.key) {
                    // A source must be an object; null leaves the pointer nil, as in Go.
                    if reader.object(p.value, path: ip + "." + p.key, goStruct: "Volume",
                                     goType: "v1." + KnownFields.volumeSourceType(p.key)) != nil {
                        v.sources.append(p.key)
                    }
                }
            }
            out.append(v)
        }
        return out
    }
}
