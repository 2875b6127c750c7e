import ArgumentParser

/// Entry point used by `main.swift`.
public enum KCSAMain {
    public static func run() {
        KCSA.main()
    }
}
