#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

#if canImport(Glibc)
// glibc declares this only under _GNU_SOURCE, which the Glibc module does not set.
@_silgen_name("pthread_getattr_np")
func jq_pthread_getattr_np(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// Where the current thread's stack ends, so deep recursion becomes a jq error, not a crash.
enum StackBounds {
    /// Keep this much stack free for the error path and for Swift runtime calls.
    static let reserve: UInt = 256 * 1024

    /// The limit of each thread, found once per thread (an interpreter is made for every
    /// input, and asking the system takes several system calls). Stored plus one, so a
    /// limit of 0 is not mistaken for "not found yet".
    private static let cacheKey: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// The lowest stack address evaluation may reach on this thread.
    static func limit() -> UInt {
        if let cached = pthread_getspecific(cacheKey) { return UInt(bitPattern: cached) &- 1 }
        let found = systemLimit()
        pthread_setspecific(cacheKey, UnsafeRawPointer(bitPattern: found &+ 1))
        return found
    }

    private static func systemLimit() -> UInt {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        if jq_pthread_getattr_np(pthread_self(), &attr) == 0 {
            defer { pthread_attr_destroy(&attr) }
            var addr: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(&attr, &addr, &size) == 0, let addr {
                let low = UInt(bitPattern: addr)
                // The main thread's reported size can exceed what the rlimit allows to grow.
                var rl = rlimit()
                var usable = UInt(size)
                if getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &rl) == 0, rl.rlim_cur != rlim_t.max, Thread.isMainThread {
                    usable = min(usable, UInt(rl.rlim_cur))
                }
                let top = low + UInt(size)
                let bottom = top - usable
                return bottom + reserve
            }
        }
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return top - size + reserve
        #endif
        // Unknown: assume 8 MiB below here.
        return here > 8 << 20 ? here - (8 << 20) + reserve : 0
    }
}

/// Runs a body on a thread with a large stack (joined before returning, so the body
/// never outlives the call).
enum LargeStack {
    final class Box: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    static func run<T>(stackSize: Int, _ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { escapable in
            var result: Result<T, Error>?
            try withUnsafeMutablePointer(to: &result) { resultPtr in
                let box = Box { resultPtr.pointee = Result { try escapable() } }
                let context = Unmanaged.passRetained(box).toOpaque()
                var attr = pthread_attr_t()
                pthread_attr_init(&attr)
                defer { pthread_attr_destroy(&attr) }
                pthread_attr_setstacksize(&attr, stackSize)
                #if canImport(Glibc)
                var thread = pthread_t()
                #else
                var thread: pthread_t?
                #endif
                let rc = pthread_create(&thread, &attr, { raw in
                    #if canImport(Glibc)
                    let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                    #else
                    let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
                    #endif
                    box.work()
                    return nil
                }, context)
                if rc != 0 {
                    // No thread: run here, with whatever stack is left.
                    Unmanaged<Box>.fromOpaque(context).takeRetainedValue().work()
                } else {
                    #if canImport(Glibc)
                    pthread_join(thread, nil)
                    #else
                    pthread_join(thread!, nil)
                    #endif
                }
                _ = try resultPtr.pointee!.get()
            }
            return try result!.get()
        }
    }
}

/// Wall-clock seconds since 1970 for `now`.
public enum JQClock {
    public static func secondsSince1970() -> Double {
        Date().timeIntervalSince1970
    }
}
