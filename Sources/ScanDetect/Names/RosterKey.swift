import ScanCore
import Crypto
import Foundation

/// The secret that keys every hash of the roster: from `SOCIALSCAN_ROSTER_KEY` or a key file.
///
/// Subkeys are derived per purpose (HMAC-SHA-256 of the key over a fixed label), so the
/// prefilter, the name hashes, the key check and finding fingerprints never share a key.
public struct RosterKey: Sendable {
    /// Keys shorter than this are refused: a guessable key would let anyone test names.
    public static let minimumLength = 16
    public static let environmentVariable = "SOCIALSCAN_ROSTER_KEY"

    /// The derived subkeys, one per purpose.
    private let subkeys: [Purpose: [UInt8]]
    /// An HMAC already keyed for each purpose, copied for each message (keying costs two
    /// SHA-256 blocks; this runs once per candidate name).
    private let keyed: [Purpose: HMACState]

    /// A key from its bytes; throws when it is shorter than `minimumLength`.
    public init(bytes: [UInt8], origin: String) throws(RosterError) {
        guard bytes.count >= Self.minimumLength else {
            throw RosterError(source: origin, problem: "the roster key is shorter than \(Self.minimumLength) bytes")
        }
        let secret = SymmetricKey(data: bytes)
        var subkeys: [Purpose: [UInt8]] = [:]
        for purpose in Purpose.allCases {
            let label = Array("socialscan/roster/\(purpose.rawValue)".utf8)
            subkeys[purpose] = Array(HMAC<SHA256>.authenticationCode(for: label, using: secret))
        }
        self.subkeys = subkeys
        keyed = subkeys.mapValues { HMACState(HMAC<SHA256>(key: SymmetricKey(data: $0))) }
    }

    /// The key from `--key-file PATH` when given, else from `SOCIALSCAN_ROSTER_KEY`; nil when
    /// neither is set. A key file's trailing line break is not part of the key.
    public static func load(keyFile: String?, environment: [String: String]) throws(RosterError) -> RosterKey? {
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile) else {
                throw RosterError(source: keyFile, problem: "the key file cannot be read")
            }
            var bytes = Array(data)
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            return try RosterKey(bytes: bytes, origin: keyFile)
        }
        guard let value = environment[environmentVariable], !value.isEmpty else { return nil }
        return try RosterKey(bytes: Array(value.utf8), origin: environmentVariable)
    }

    /// A fresh random key, as 64 hex digits (for `roster keygen`).
    public static func generateHex() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Hex.encode(Array($0)) }
    }

    /// HMAC-SHA-256 of `message` under the subkey for `purpose`.
    func mac(_ purpose: Purpose, _ message: [UInt8]) -> [UInt8] {
        guard var hmac = keyed[purpose]?.hmac else { return [] }
        message.withUnsafeBytes { hmac.update(data: $0) }
        return hmac.finalize().withUnsafeBytes { Array($0) }
    }

    /// The subkey for `purpose`.
    func subkey(_ purpose: Purpose) -> SymmetricKey {
        SymmetricKey(data: subkeys[purpose] ?? [])
    }

    /// The SipHash key of the prefilter.
    var prefilter: SipHash {
        SipHash(key: subkey(.prefilter).withUnsafeBytes { Array($0.prefix(16)) })
    }

    enum Purpose: String, CaseIterable {
        case prefilter, name, check, fingerprint, identifier
    }
}

/// An HMAC keyed once; a value (copying it copies the keyed state).
private struct HMACState: @unchecked Sendable {
    // HMAC<SHA256> is a value type holding only hash state; it is never shared mutably.
    let hmac: HMAC<SHA256>

    init(_ hmac: HMAC<SHA256>) {
        self.hmac = hmac
    }
}
