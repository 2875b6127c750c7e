import Foundation

/// The digest of the course content a class uses: every class lab's file, in class order,
/// and the question bank when the class has an exam. A submission made against other
/// content (another kcsa checkout, an edited lab) has another digest and is reported.
public enum ContentDigest {
    public static func compute(root: String, spec: ClassSpec) -> String {
        var h = SHA256()
        h.update("kcsa-content-v1\0")
        for lab in spec.labs {
            h.update("lab\0\(lab.id)\0")
            h.update([UInt8](FileManager.default.contents(atPath: root + "/Labs/labs/\(lab.id).yaml") ?? Data()))
            h.update("\0")
        }
        if spec.exam != nil {
            let dir = root + "/Questions"
            let files = (FileManager.default.subpaths(atPath: dir) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for file in files {
                h.update("question-file\0\(file)\0")
                h.update([UInt8](FileManager.default.contents(atPath: dir + "/" + file) ?? Data()))
                h.update("\0")
            }
        }
        return SHA256.hex(h.finish())
    }
}
