import ScanCore

/// Reads the year and holder out of a copyright notice's matched text, on its UTF-8 bytes (one
/// runs for every copyright finding, so it builds no String until the holder).
enum CopyrightDetailReader {
    /// Phrases (already folded) that are part of a notice, not of its holder.
    private static let noise: [[UInt8]] = ["all rights reserved", "tous droits reserves", "droits d'auteur", "copyright", "(c)", "\u{00A9}"]
        .map { Array($0.utf8) }
    /// Characters trimmed from both ends of the holder.
    private static let trim: Set<Unicode.Scalar> = [" ", "\t", "\n", "-", "–", "—", ",", ".", ";", ":", "(", ")", "©", "/"]

    static func read(_ match: String) -> CopyrightDetail {
        let bytes = Array(match.utf8)
        // Kept bytes; a scalar's bytes are kept or dropped together.
        var keep = [Bool](repeating: true, count: bytes.count)
        var year: Int?
        for index in bytes.indices where isDigit(bytes[index]) {
            keep[index] = false
            let bounded = (index == 0 || !isDigit(bytes[index - 1])) && index + 4 <= bytes.count
                && (index + 4 == bytes.count || !isDigit(bytes[index + 4]))
            if year == nil, bounded, bytes[index..<index + 4].allSatisfy(isDigit) {
                let value = bytes[index..<index + 4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if (1900...2099).contains(value) { year = value }
            }
        }
        let (folded, owner) = foldedWithOwners(bytes)
        for phrase in noise {
            removeAll(of: phrase, in: folded, owner: owner, bytes: bytes, keep: &keep)
        }
        var kept = bytes.indices.filter { keep[$0] }.map { bytes[$0] }
        trimEnds(&kept)
        var holder: [UInt8] = []
        holder.reserveCapacity(kept.count)
        for byte in kept where !(byte == 0x20 && holder.last == 0x20) { holder.append(byte) }
        return CopyrightDetail(year: year, holder: holder.isEmpty ? nil : String(decoding: holder, as: UTF8.self))
    }

    /// The match folded, with the byte offset of the scalar each folded byte came from (ASCII,
    /// the usual case, byte for byte).
    private static func foldedWithOwners(_ bytes: [UInt8]) -> (folded: [UInt8], owner: [Int]) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return TextFolding.ascii.withUnsafeBufferPointer { ascii in (bytes.map { ascii[Int($0)] }, Array(bytes.indices)) }
        }
        var folded: [UInt8] = []
        var owner: [Int] = []
        folded.reserveCapacity(bytes.count)
        owner.reserveCapacity(bytes.count)
        var position = 0
        while position < bytes.count {
            let (scalar, length) = UTF8Scalar.scalar(in: bytes, at: position)
            TextFolding.withFolded(scalar) { piece in
                folded.append(contentsOf: piece)
                owner.append(contentsOf: repeatElement(position, count: piece.count))
            }
            position += length
        }
        return (folded, owner)
    }

    /// Drops the scalars of every occurrence of `phrase` (folded bytes).
    private static func removeAll(of phrase: [UInt8], in folded: [UInt8], owner: [Int], bytes: [UInt8], keep: inout [Bool]) {
        guard !phrase.isEmpty, phrase.count <= folded.count else { return }
        var start = 0
        while start + phrase.count <= folded.count {
            if folded[start] == phrase[0], folded[start..<start + phrase.count].elementsEqual(phrase) {
                let last = owner[start + phrase.count - 1]
                for position in owner[start]..<last + UTF8Scalar.scalar(in: bytes, at: last).length { keep[position] = false }
                start += phrase.count
            } else {
                start += 1
            }
        }
    }

    /// Removes characters of `trim` from both ends of `kept` (whole scalars of valid UTF-8).
    private static func trimEnds(_ kept: inout [UInt8]) {
        var lower = 0
        while lower < kept.count {
            let (scalar, length) = UTF8Scalar.scalar(in: kept, at: lower)
            guard trim.contains(scalar) else { break }
            lower += length
        }
        var upper = kept.count
        while upper > lower {
            var first = upper - 1
            while first > lower && kept[first] & 0xC0 == 0x80 { first -= 1 }
            guard trim.contains(UTF8Scalar.scalar(in: kept, at: first).scalar) else { break }
            upper = first
        }
        kept = Array(kept[lower..<upper])
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
