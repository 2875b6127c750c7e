/// The check list of pod-security-admission v0.36.2, with every version boundary.
enum StandardChecks {
    static let all: [Check] = baseline + restricted

    private static func v(_ minor: Int, _ name: String, _ f: @escaping CheckFunction,
                          overrides: [CheckID] = []) -> VersionedCheck {
        VersionedCheck(minimumVersion: minor, function: f, functionName: name, overrides: overrides)
    }

    /// From v1.25 the Windows-inapplicable restricted checks pass pods with `spec.os.name: windows`.
    private static func skippingWindows(_ f: @escaping CheckFunction) -> CheckFunction {
        { meta, spec in spec.isWindows ? .allowed : f(meta, spec) }
    }

    /// From v1.35 some checks pass pods in a user namespace (`hostUsers: false`).
    private static func relaxedForUserNamespaces(_ f: @escaping CheckFunction) -> CheckFunction {
        { meta, spec in spec.hostUsers == false ? .allowed : f(meta, spec) }
    }

    static let baseline: [Check] = [
        Check(id: .appArmorProfile, level: .baseline, versions: [
            v(0, "appArmorProfile_1_0", ProfileChecks.appArmorProfile),
        ]),
        Check(id: .capabilitiesBaseline, level: .baseline, versions: [
            v(0, "capabilitiesBaseline_1_0", ContainerChecks.capabilitiesBaseline),
        ]),
        Check(id: .hostNamespaces, level: .baseline, versions: [
            v(0, "hostNamespaces_1_0", HostChecks.hostNamespaces),
        ]),
        Check(id: .hostPathVolumes, level: .baseline, versions: [
            v(0, "hostPathVolumes_1_0", HostChecks.hostPathVolumes),
        ]),
        Check(id: .hostPorts, level: .baseline, versions: [
            v(0, "hostPorts_1_0", HostChecks.hostPorts),
        ]),
        Check(id: .hostProbesAndHostLifecycle, level: .baseline, versions: [
            v(34, "hostProbesAndHostLifecycleV1Dot34", HostChecks.hostProbesAndLifecycle),
        ]),
        Check(id: .privileged, level: .baseline, versions: [
            v(0, "privileged_1_0", ContainerChecks.privileged),
        ]),
        Check(id: .procMount, level: .baseline, versions: [
            v(0, "procMount_1_0", ContainerChecks.procMount1_0),
            v(35, "procMount1_35baseline", relaxedForUserNamespaces(ContainerChecks.procMount1_0)),
        ]),
        Check(id: .seLinuxOptions, level: .baseline, versions: [
            v(0, "seLinuxOptions1_0", ProfileChecks.seLinuxOptions(ProfileChecks.seLinuxTypes1_0)),
            v(31, "seLinuxOptions1_31", ProfileChecks.seLinuxOptions(ProfileChecks.seLinuxTypes1_31)),
        ]),
        Check(id: .seccompProfileBaseline, level: .baseline, versions: [
            v(0, "seccompProfileBaseline_1_0", ProfileChecks.seccompBaseline1_0),
            v(19, "seccompProfileBaseline_1_19", ProfileChecks.seccompBaseline1_19),
        ]),
        Check(id: .sysctls, level: .baseline, versions: [
            v(0, "sysctlsV1Dot0", HostChecks.sysctls(HostChecks.sysctlsAllowed1_0)),
            v(27, "sysctlsV1Dot27", HostChecks.sysctls(HostChecks.sysctlsAllowed1_27)),
            v(29, "sysctlsV1Dot29", HostChecks.sysctls(HostChecks.sysctlsAllowed1_29)),
            v(32, "sysctlsV1Dot32", HostChecks.sysctls(HostChecks.sysctlsAllowed1_32)),
        ]),
        Check(id: .windowsHostProcess, level: .baseline, versions: [
            v(0, "windowsHostProcess_1_0", ContainerChecks.windowsHostProcess),
        ]),
    ]

    static let restricted: [Check] = [
        Check(id: .allowPrivilegeEscalation, level: .restricted, versions: [
            v(8, "allowPrivilegeEscalation_1_8", ContainerChecks.allowPrivilegeEscalation1_8),
            v(25, "allowPrivilegeEscalation_1_25", skippingWindows(ContainerChecks.allowPrivilegeEscalation1_8)),
        ]),
        Check(id: .capabilitiesRestricted, level: .restricted, versions: [
            v(22, "capabilitiesRestricted_1_22", ContainerChecks.capabilitiesRestricted1_22,
              overrides: [.capabilitiesBaseline]),
            v(25, "capabilitiesRestricted_1_25", skippingWindows(ContainerChecks.capabilitiesRestricted1_22),
              overrides: [.capabilitiesBaseline]),
        ]),
        Check(id: .procMountRestricted, level: .restricted, versions: [
            v(35, "procMount_1_0", ContainerChecks.procMount1_0, overrides: [.procMount]),
        ]),
        Check(id: .restrictedVolumes, level: .restricted, versions: [
            v(0, "restrictedVolumes_1_0", HostChecks.restrictedVolumes, overrides: [.hostPathVolumes]),
        ]),
        Check(id: .runAsNonRoot, level: .restricted, versions: [
            v(0, "runAsNonRoot1_0", ContainerChecks.runAsNonRoot1_0),
            v(35, "runAsNonRoot1_35", relaxedForUserNamespaces(ContainerChecks.runAsNonRoot1_0)),
        ]),
        Check(id: .runAsUser, level: .restricted, versions: [
            v(23, "runAsUser1_23", ContainerChecks.runAsUser1_23),
            v(35, "runAsUser1_35", relaxedForUserNamespaces(ContainerChecks.runAsUser1_23)),
        ]),
        Check(id: .seccompProfileRestricted, level: .restricted, versions: [
            v(19, "seccompProfileRestricted_1_19", ProfileChecks.seccompRestricted1_19,
              overrides: [.seccompProfileBaseline]),
            v(25, "seccompProfileRestricted_1_25", skippingWindows(ProfileChecks.seccompRestricted1_19),
              overrides: [.seccompProfileBaseline]),
        ]),
    ]
}
