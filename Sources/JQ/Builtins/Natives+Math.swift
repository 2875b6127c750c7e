import Foundation
import JSONValue

// glibc's exp10 (a GNU extension the Glibc module does not declare); jq calls it directly.
@_silgen_name("exp10")
func jq_exp10(_ x: Double) -> Double

extension Natives {
    private static func num(_ name: String, _ fn: @escaping @Sendable (Double) -> Double) -> Native {
        Native(name, 0, .unary { v in
            guard case .number(let n) = v else { throw JQError.type(v, "number required") }
            return .number(JSONNumber(fn(n.double)))
        })
    }

    private static func num2(_ name: String, _ fn: @escaping @Sendable (Double, Double) -> Double) -> Native {
        Native(name, 2, .values { _, a in
            guard case .number(let x) = a[0] else { throw JQError.type(a[0], "number required") }
            guard case .number(let y) = a[1] else { throw JQError.type(a[1], "number required") }
            return .number(JSONNumber(fn(x.double, y.double)))
        })
    }

    private static func num3(_ name: String, _ fn: @escaping @Sendable (Double, Double, Double) -> Double) -> Native {
        Native(name, 3, .values { _, a in
            guard case .number(let x) = a[0] else { throw JQError.type(a[0], "number required") }
            guard case .number(let y) = a[1] else { throw JQError.type(a[1], "number required") }
            guard case .number(let z) = a[2] else { throw JQError.type(a[2], "number required") }
            return .number(JSONNumber(fn(x.double, y.double, z.double)))
        })
    }

    static let math: [Native] = [
        num("floor", Foundation.floor), num("ceil", Foundation.ceil), num("round", Foundation.round),
        num("sqrt", Foundation.sqrt), num("fabs", Foundation.fabs), num("trunc", Foundation.trunc),
        num("rint", Foundation.rint), num("nearbyint", Foundation.nearbyint),
        num("exp", Foundation.exp), num("exp2", Foundation.exp2), num("exp10", { jq_exp10($0) }),
        num("expm1", Foundation.expm1), num("log", Foundation.log), num("log2", Foundation.log2),
        num("log10", Foundation.log10), num("log1p", Foundation.log1p), num("logb", Foundation.logb),
        num("gamma", Foundation.lgamma), num("lgamma", Foundation.lgamma), num("tgamma", Foundation.tgamma),
        num("lgamma_r", Foundation.lgamma),
        num("sin", Foundation.sin), num("cos", Foundation.cos), num("tan", Foundation.tan),
        num("asin", Foundation.asin), num("acos", Foundation.acos), num("atan", Foundation.atan),
        num("sinh", Foundation.sinh), num("cosh", Foundation.cosh), num("tanh", Foundation.tanh),
        num("asinh", Foundation.asinh), num("acosh", Foundation.acosh), num("atanh", Foundation.atanh),
        num("cbrt", Foundation.cbrt), num("erf", Foundation.erf), num("erfc", Foundation.erfc),
        num("j0", Foundation.j0), num("j1", Foundation.j1), num("y0", Foundation.y0), num("y1", Foundation.y1),
        num("significand", { x in
            if x == 0 || x.isInfinite || x.isNaN { return x }
            return x < 0 ? -x.significand : x.significand
        }),
        num("ceil", Foundation.ceil),
        num2("pow", Foundation.pow), num2("atan2", Foundation.atan2), num2("fmod", Foundation.fmod),
        num2("hypot", Foundation.hypot), num2("fmin", Foundation.fmin), num2("fmax", Foundation.fmax),
        num2("fdim", Foundation.fdim), num2("copysign", Foundation.copysign),
        num2("nextafter", Foundation.nextafter), num2("nexttoward", Foundation.nextafter),
        num2("remainder", Foundation.remainder), num2("drem", Foundation.remainder),
        num2("ldexp", { Foundation.scalbn($0, Int(CNumeric.int32($1))) }), num2("scalb", { $0 * Foundation.pow(2, $1) }),
        num2("scalbln", { Foundation.scalbn($0, CNumeric.int64($1)) }),
        num2("jn", { Foundation.jn(CNumeric.int32($0), $1) }), num2("yn", { Foundation.yn(CNumeric.int32($0), $1) }),
        num3("fma", { Foundation.fma($0, $1, $2) }),
        Native("frexp", 0, .unary { v in
            guard case .number(let n) = v else { throw JQError.type(v, "number required") }
            let d = n.double
            if d == 0 || d.isNaN || d.isInfinite { return .array([.number(JSONNumber(d)), .number(0)]) }
            let e = d.exponent + 1
            return .array([.number(JSONNumber(Foundation.scalbn(d, -Int(e)))), .number(Int(e))])
        }),
        Native("modf", 0, .unary { v in
            guard case .number(let n) = v else { throw JQError.type(v, "number required") }
            let d = n.double
            if d.isInfinite { return .array([.number(JSONNumber(0.0 * (d < 0 ? -1 : 1))), v]) }
            let ip = Foundation.trunc(d)
            return .array([.number(JSONNumber(d - ip)), .number(JSONNumber(ip))])
        }),
    ]
}
