import ScanCore

/// Reads the dates feeds write (RFC 822 and RFC 3339, with common sloppiness) into RFC 3339 UTC.
///
/// Pure Swift on purpose: `DateFormatter` depends on locale data and is slow per call.
public enum DateParser {
    /// The date `raw` stands for, normalised; `rfc3339` is nil when it could not be read.
    public static func parse(_ raw: String) -> ItemDate {
        var trimmed = raw.trimmingWhitespace()
        let seconds = trimmed.withUTF8 { rfc3339($0) ?? rfc822($0) }
        return ItemDate(rfc3339: seconds.map(format), raw: raw)
    }

    /// Seconds since 1970 for `2025-03-14T09:30:00.5+01:00` (`T` or space; `Z` or an offset).
    static func rfc3339(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var scanner = DateScanner(text, 0..<text.count)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2)
        else { return nil }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else {
            return scanner.atEnd ? epoch(year, month, day, 0, 0, 0, offset: 0) : nil
        }
        guard let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2)
        else { return nil }
        let second = scanner.skip(":") ? scanner.number(digits: 2) ?? 0 : 0
        if scanner.skip(".") { scanner.skipDigits() }
        let offset = scanner.zoneOffset() ?? 0
        return epoch(year, month, day, hour, minute, second, offset: offset)
    }

    /// Seconds since 1970 for `Tue, 10 Jun 2003 04:00:00 GMT` and its usual variants. Words are
    /// ranges of the text, kept on the stack: a feed has a date per item.
    static func rfc822(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var words = InlineArray<8, Range<Int>>(repeating: 0..<0)
        var count = 0
        var index = 0
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") }
        while count < 8 {
            while index < text.count, isSeparator(text[index]) { index += 1 }
            let start = index
            while index < text.count, !isSeparator(text[index]) { index += 1 }
            guard index > start else { break }
            words[count] = start..<index
            count += 1
        }
        var first = 0
        if count > 0, startsWithLetter(text, words[0]), monthNumber(text, words[0]) == nil { first = 1 }
        // RFC 850 writes the date as one word: 06-May-25.
        if first < count, let parts = dashedDate(text, words[first]) {
            var shifted = InlineArray<8, Range<Int>>(repeating: 0..<0)
            shifted[0] = parts.0
            shifted[1] = parts.1
            shifted[2] = parts.2
            var next = 3
            for word in (first + 1)..<count where next < 8 {
                shifted[next] = words[word]
                next += 1
            }
            words = shifted
            count = next
            first = 0
        }
        guard count - first >= 3 else { return nil }
        var (dayWord, monthWord) = (words[first], words[first + 1])
        if monthNumber(text, dayWord) != nil { swap(&dayWord, &monthWord) }
        guard let day = integer(text, dayWord), let month = monthNumber(text, monthWord),
            var year = integer(text, words[first + 2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0, offset = 0
        if count - first >= 4 {
            guard let time = clock(text, words[first + 3]) else { return nil }
            (hour, minute, second) = time
        }
        if count - first >= 5 {
            let zone = words[first + 4]
            var scanner = DateScanner(text, zone)
            offset = scanner.zoneOffset() ?? namedZoneOffset(text, zone) ?? 0
        }
        return epoch(year, month, day, hour, minute, second, offset: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }

    /// The month a word names by its first three letters, in any case.
    private static func monthNumber(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
        guard word.count >= 3 else { return nil }
        let (a, b, c) = (text[word.lowerBound] | 0x20, text[word.lowerBound + 1] | 0x20, text[word.lowerBound + 2] | 0x20)
        return months.firstIndex { $0[0] == a && $0[1] == b && $0[2] == c }.map { $0 + 1 }
    }

    /// Whether a word starts with a letter (a weekday name, in any language).
    private static func startsWithLetter(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard !word.isEmpty else { return false }
        let byte = text[word.lowerBound]
        return ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte >= 0xC3
    }

    /// `06-May-25` split at its two dashes, if the word is one.
    private static func dashedDate(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> (Range<Int>, Range<Int>, Range<Int>)? {
        var dashes = InlineArray<2, Int>(repeating: 0)
        var found = 0
        for index in word where text[index] == UInt8(ascii: "-") {
            guard found < 2 else { return nil }
            dashes[found] = index
            found += 1
        }
        guard found == 2, dashes[0] > word.lowerBound, dashes[1] > dashes[0] + 1, dashes[1] < word.upperBound - 1
        else { return nil }
        return (word.lowerBound..<dashes[0], (dashes[0] + 1)..<dashes[1], (dashes[1] + 1)..<word.upperBound)
    }

    /// `hh:mm` or `hh:mm:ss`; parts that are not numbers are skipped, as before.
    private static func clock(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> (Int, Int, Int)? {
        var parts = InlineArray<3, Int>(repeating: 0)
        var found = 0
        var start = word.lowerBound
        for index in word.lowerBound...word.upperBound where index == word.upperBound || text[index] == UInt8(ascii: ":") {
            if found < 3, index > start, let value = integer(text, start..<index) {
                parts[found] = value
                found += 1
            }
            start = index + 1
        }
        guard found >= 2 else { return nil }
        return (parts[0], parts[1], found > 2 ? parts[2] : 0)
    }

    /// A decimal integer with an optional sign, as `Int(_:)` reads one.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
        var digits = word
        var sign = 1
        if let first = digits.first, text[first] == UInt8(ascii: "+") || text[first] == UInt8(ascii: "-") {
            sign = text[first] == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for index in digits {
            let byte = text[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return sign * value
    }

    /// Zone names (lower case) and their hours east of UTC.
    private static let zoneHours: [(name: [UInt8], hours: Int)] = [
        ("ut", 0), ("gmt", 0), ("utc", 0), ("z", 0), ("est", -5), ("edt", -4), ("cst", -6), ("cdt", -5),
        ("mst", -7), ("mdt", -6), ("pst", -8), ("pdt", -7),
    ].map { (Array($0.utf8), $1) }

    /// The offset of a named zone, in any case, compared byte by byte (no String per date).
    private static func namedZoneOffset(_ text: UnsafeBufferPointer<UInt8>, _ zone: Range<Int>) -> Int? {
        zoneHours.first { entry in
            entry.name.count == zone.count && zip(entry.name, text[zone]).allSatisfy { $0 == $1 | 0x20 }
        }.map { $0.hours * 3600 }
    }

    /// Seconds since 1970 for a civil date and time at `offset` seconds east of UTC.
    static func epoch(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offset: Int) -> Int? {
        guard (1...12).contains(m), (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi),
            (0...60).contains(s), (1...9999).contains(y)
        else { return nil }
        // Days from civil (H. Hinnant's algorithm), proleptic Gregorian calendar.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + h * 3600 + mi * 60 + s - offset
    }

    /// RFC 3339 UTC text for seconds since 1970.
    static func format(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var text = [UInt8](repeating: 0, count: 20)  // yyyy-mm-ddThh:mm:ssZ
        func put(_ value: Int, at start: Int, width: Int) {
            var value = value
            for index in stride(from: start + width - 1, through: start, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(month, at: 5, width: 2)
        put(day, at: 8, width: 2)
        put(rest / 3600, at: 11, width: 2)
        put(rest % 3600 / 60, at: 14, width: 2)
        put(rest % 60, at: 17, width: 2)
        for (index, separator) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)] {
            text[index] = UInt8(ascii: separator)
        }
        guard (0...9999).contains(year) else { return String(year) + String(decoding: text[4...], as: UTF8.self) }
        put(year, at: 0, width: 4)
        return String(decoding: text, as: UTF8.self)
    }
}

/// A cursor over part of the UTF-8 bytes of a date string (valid while they are).
struct DateScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    var atEnd: Bool { position >= end }

    mutating func skip(_ char: Unicode.Scalar) -> Bool {
        guard position < end, UInt32(bytes[position]) == char.value else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= end else { return nil }
        var value = 0
        for byte in bytes[position..<position + digits] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += digits
        return value
    }

    mutating func skipDigits() {
        while position < end, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
    }

    /// `Z`, `+hh:mm`, `-hhmm` or `+hh`: seconds east of UTC; nil when none is here.
    mutating func zoneOffset() -> Int? {
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2) else { return nil }
        _ = skip(":")
        let minutes = number(digits: 2) ?? 0
        return sign * (hours * 3600 + minutes * 60)
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        // Most texts start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
