import ScanParse
import Testing

@Suite("Dates")
struct DateParserTests {
    @Test(arguments: [
        ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
        ("Thu, 15 May 2025 18:30:00 -0600", "2025-05-16T00:30:00Z"),
        ("15 May 2025 18:30 +0200", "2025-05-15T16:30:00Z"),
        ("Sat, 1 Mar 25 09:00:00 EST", "2025-03-01T14:00:00Z"),
        ("Monday, 03 Feb 2025 10:00:00 +0000", "2025-02-03T10:00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("2024-12-31T23:30:00.123-01:00", "2025-01-01T00:30:00Z"),
        ("2024-07-01 08:00:00+00:00", "2024-07-01T08:00:00Z"),
        ("2024-07-01", "2024-07-01T00:00:00Z"),
        ("Tuesday, 06-May-25 14:30:00 GMT", "2025-05-06T14:30:00Z"),
        ("Mon, 5 May 2025 9:00:00 MDT", "2025-05-05T15:00:00Z"),
        ("  2024-07-01T08:00:00Z\n", "2024-07-01T08:00:00Z"),
        ("tue, 10 JUN 2003 04:00:00 gmt", "2003-06-10T04:00:00Z"),
        ("Été, 10 Jun 2003 04:00:00 +0000", "2003-06-10T04:00:00Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:30:00-01:00", "10000-01-01T00:30:00Z"),
    ])
    func readsCommonForms(raw: String, expected: String) {
        #expect(DateParser.parse(raw).rfc3339 == expected)
    }

    @Test(arguments: ["yesterday", "", "2024-13-01T00:00:00Z", "32 Jan 2024 10:00:00 GMT"])
    func unreadableDatesKeepTheRawText(raw: String) {
        let date = DateParser.parse(raw)
        #expect(date.rfc3339 == nil)
        #expect(date.raw == raw)
    }
}
