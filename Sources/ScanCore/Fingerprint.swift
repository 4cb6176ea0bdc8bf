import Crypto

/// Stable finding identities, so that baselines, SARIF and the nightly state agree across runs.
public enum Fingerprint {
    /// SHA-256 of rule id, item id and the normalised match, as 32 lowercase hex digits.
    ///
    /// Normalising lowercases and folds every run of white space to one space, so a line break
    /// moving inside a post does not make a new finding.
    public static func of(rule: String, itemID: String, match: String) -> String {
        var material = Array(rule.utf8)
        material.append(0x1F)
        material += itemID.utf8
        material.append(0x1F)
        appendNormalised(match, to: &material)
        let digest = material.withUnsafeBytes { SHA256.hash(data: $0) }
        return Hex.encode(digest.prefix(16))
    }

    public static func normalise(_ text: String) -> String {
        var output: [UInt8] = []
        appendNormalised(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 of `normalise(text)` to `output`.
    static func appendNormalised(_ text: String, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + text.utf8.count)
        let first = output.count
        var pendingSpace = false
        // ASCII letters are lowercased byte by byte, which is what `lowercased()` does to them;
        // the full Unicode lowercasing runs only when some other scalar would change.
        let lowered = text.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.changesWhenLowercased } ? text.lowercased() : text
        for var byte in lowered.utf8 {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = output.count > first
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
        }
    }
}

extension Fingerprint {
    /// A stable id for an item that has none of its own: a hash of the texts given.
    public static func contentID(_ parts: [String]) -> String {
        let digest = SHA256.hash(data: Array(parts.joined(separator: "\u{1F}").utf8))
        return "sha256:" + Hex.encode(digest.prefix(16))
    }
}

/// Digests for reports (Content-Security-Policy hashes).
public enum Digest {
    /// SHA-256 of the UTF-8 bytes of `text`, in base64.
    public static func sha256Base64(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        return base64(Array(digest))
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return output
    }
}
