import ScanCore

/// Reads the dates feeds write (RFC 822 and RFC 3339, with common sloppiness) into RFC 3339 UTC.
///
/// Pure Swift on purpose: `DateFormatter` depends on locale data and is slow per call.
public enum DateParser {
    /// The date `raw` stands for, normalised; `rfc3339` is nil when it could not be read.
    public static func parse(_ raw: String) -> ItemDate {
        let bytes = Array(raw.trimmingWhitespace().utf8)
        let seconds = rfc3339(bytes) ?? rfc822(bytes)
        return ItemDate(rfc3339: seconds.map(format), raw: raw)
    }

    /// Seconds since 1970 for `2025-03-14T09:30:00.5+01:00` (`T` or space; `Z` or an offset).
    static func rfc3339(_ text: [UInt8]) -> Int? {
        var scanner = DateScanner(text)
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

    /// Seconds since 1970 for `Tue, 10 Jun 2003 04:00:00 GMT` and its usual variants.
    static func rfc822(_ bytes: [UInt8]) -> Int? {
        var words = bytes.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") })
        if let first = words.first, startsWithLetter(first), monthNumber(first) == nil {
            words.removeFirst()
        }
        // RFC 850 writes the date as one word: 06-May-25.
        if let first = words.first {
            let parts = first.split(separator: UInt8(ascii: "-"))
            if parts.count == 3 { words.replaceSubrange(0...0, with: parts) }
        }
        guard words.count >= 3 else { return nil }
        var (dayWord, monthWord) = (words[0], words[1])
        if monthNumber(dayWord) != nil { swap(&dayWord, &monthWord) }
        guard let day = integer(dayWord), let month = monthNumber(monthWord), var year = integer(words[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0, offset = 0
        if words.count >= 4 {
            let parts = words[3].split(separator: UInt8(ascii: ":")).compactMap(integer)
            guard parts.count >= 2 else { return nil }
            (hour, minute) = (parts[0], parts[1])
            second = parts.count > 2 ? parts[2] : 0
        }
        if words.count >= 5 {
            var scanner = DateScanner(words[4])
            offset = scanner.zoneOffset() ?? namedZoneOffset(words[4]) ?? 0
        }
        return epoch(year, month, day, hour, minute, second, offset: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }

    /// The month a word names by its first three letters, in any case.
    private static func monthNumber(_ word: ArraySlice<UInt8>) -> Int? {
        guard word.count >= 3 else { return nil }
        let prefix = word.prefix(3).map { $0 | 0x20 }
        return months.firstIndex(of: prefix).map { $0 + 1 }
    }

    /// Whether a word starts with a letter (a weekday name, in any language).
    private static func startsWithLetter(_ word: ArraySlice<UInt8>) -> Bool {
        guard let byte = word.first else { return false }
        return ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte >= 0xC3
    }

    /// A decimal integer with an optional sign, as `Int(_:)` reads one.
    private static func integer(_ word: ArraySlice<UInt8>) -> Int? {
        var digits = word[...]
        var sign = 1
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return sign * value
    }

    private static let zoneHours: [String: Int] = [
        "UT": 0, "GMT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
        "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    ]

    private static func namedZoneOffset(_ zone: ArraySlice<UInt8>) -> Int? {
        zoneHours[String(decoding: zone, as: UTF8.self).uppercased()].map { $0 * 3600 }
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

/// A cursor over the UTF-8 bytes of a date string.
struct DateScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = Array(bytes)
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func skip(_ char: Unicode.Scalar) -> Bool {
        guard position < bytes.count, UInt32(bytes[position]) == char.value else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + digits] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += digits
        return value
    }

    mutating func skipDigits() {
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
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
