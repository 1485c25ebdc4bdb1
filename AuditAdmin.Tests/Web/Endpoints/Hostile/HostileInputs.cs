using System.Text;

namespace AuditAdmin.Tests.Web.Endpoints.Hostile;

/// <summary>
/// Where a hostile case puts its payload: the body (with its content type), the query string, the route values or a
/// header. <see cref="AnsweredByKestrel"/>: the server refuses the request line itself (a bare 400) before any of the
/// application's code runs, so no envelope can be written; it must still be no 5xx. <see cref="Expected"/>: the
/// statuses the endpoints the case aims at must answer ("METHOD /path", as <see cref="HostileInputs"/> names them).
/// </summary>
public sealed record HostileCase(string Name, byte[]? Body = null, string ContentType = "application/json", string? Query = null,
    string? RouteValue = null, (string Name, string Value)? Header = null, bool AnsweredByKestrel = false,
    (string Endpoint, int Status)[]? Expected = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The table of hostile inputs thrown at every /_api endpoint and /download. Each body is one JSON object that holds
/// the hostile value under every endpoint's own field (filters for the export, searchFilter for the list,
/// activities for ingestion, id for notifications), so the same case reaches each handler's validation.
/// </summary>
public static class HostileInputs
{
    public const string Export = "POST /_api/v3/audit-log-bulk-export";
    public const string List = "POST /_api/v3/activity/list";
    public const string ListQuery = "GET /_api/v3/activity";
    public const string Ingest = "POST /_api/v3/activities";
    public const string Open = "POST /_api/v3/in-app-notification/open";

    private static readonly string[] JsonEndpoints = [Export, List, Ingest, Open];

    private const string LoneHigh = "\\ud800";
    private const string LoneLow = "\\udfff";

    public static readonly IReadOnlyList<HostileCase> All =
    [
        Json("lone surrogate in export filter", $$$"""{"filters":{"usernames":["{{{LoneHigh}}}"]}}""", [(Export, 400)]),
        Json("lone surrogate in ingested event", $$$"""{"activities":[{"action":"USER_LOGOUT","username":"a{{{LoneHigh}}}","snapshot":{"k":"{{{LoneLow}}}"}}]}""", [(Ingest, 400)]),
        Json("lone surrogate in list filter", $$"""{"searchFilter":{"usernames":["{{LoneLow}}"]},"id":"{{LoneHigh}}"}""", [(List, 400), (Open, 400)]),
        Json("lone surrogate in a property name", $$$"""{"{{{LoneHigh}}}":1,"filters":{"{{{LoneLow}}}":[]},"activities":[{"{{{LoneHigh}}}":1}]}""", [(Export, 400), (Ingest, 400), (List, 400)]),
        Json("9999-12-31 dates", """
            {"filters":{"dateFrom":"9999-12-31","dateTo":"9999-12-31"},"searchFilter":{"dates":{"startDate":"9999-12-31","endDate":"9999-12-31"}},
             "activities":[{"action":"USER_LOGOUT","createdAt":"9999-12-31T23:59:59.9999999-14:00"}]}
            """, [(Export, 400), (List, 400), (Ingest, 400)]),
        Json("9999-12-31 start of an export", """{"filters":{"dateFrom":"9999-12-31"}}""", [(Export, 400)]),
        Json("9999-12-31 end of a list", """{"searchFilter":{"dates":{"endDate":"9999-12-31"}}}""", [(List, 400)]),
        Json("0001-01-01 dates with offsets", """
            {"filters":{"dateFrom":"0001-01-01T00:00:00+14:00","dateTo":"0001-01-01"},"searchFilter":{"dates":{"startDate":"0001-01-01"}},
             "activities":[{"action":"USER_LOGOUT","createdAt":"0001-01-01T00:00:00+14:00"}]}
            """, [(Export, 400), (List, 400), (Ingest, 400)]),
        new("10 MB body", Encoding.UTF8.GetBytes($$"""{"filters":{},"searchFilter":{},"padding":"{{new string('x', 10 * 1024 * 1024)}}"}"""), Expected: [(Export, 413), (List, 413), (Open, 413)]),
        Json("control characters", """
            {"filters":{"usernames":["a\u0000b\u0007c\u001b[31m"]},"searchFilter":{"usernames":["\u0000"]},"id":"\u0000\u0001",
             "activities":[{"action":"USER_LOGOUT","username":"\u0000\b\f","ip":"\r\n","snapshot":{"\u0000":"\u001f"}}]}
            """),
        Json("bidi and invisible characters", """
            {"filters":{"usernames":["\u202eevil\u202c","\u2066x\u2069","\u200f","\ufeff"]},"searchFilter":{"usernames":["\u202e"]},
             "activities":[{"action":"USER_LOGOUT","username":"\u202egnp.exe","endpoint":"\u2028\u2029"}],"id":"\u202e"}
            """),
        new("100,000-element arrays", Encoding.UTF8.GetBytes(
            $$"""{"filters":{"usernames":[{{Repeat("1", 100_000)}}]},"searchFilter":{"actions":[{{Repeat("1", 100_000)}}]},"activities":[{{Repeat("1", 100_000)}}]}"""), Expected: [(Export, 400), (List, 400), (Ingest, 400)]),
        Json("deep nesting", "{\"filters\":" + new string('[', 100_000) + new string(']', 100_000) + "}", Every(400)),
        Json("nesting within the parser's depth", "{\"activities\":[{\"action\":\"USER_LOGOUT\",\"snapshot\":" + Nest(60) + "}],\"filters\":{\"usernames\":" + Nest(60) + "}}"),
        Json("huge integers", """
            {"limit":123456789012345678901234567890,"offset":-99999999999999999999,"filters":{"usernames":[99999999999999999999]},
             "restartJob":99999999999999999999,"id":99999999999999999999,"activities":[{"action":"USER_LOGOUT","createdAt":99999999999999999999}]}
            """, Every(400)),
        Json("1e309", """{"limit":1e309,"offset":-1e309,"filters":{"dateFrom":1e309},"restartJob":1e309,"id":1e309,"activities":[{"action":1e309}]}""", Every(400)),
        Json("numbers where objects belong", """{"filters":1e309,"searchFilter":-0,"activities":1e-400}""", [(Export, 400), (List, 400), (Ingest, 400)]),
        Json("empty body", "", [(Export, 400), (Open, 400), (Ingest, 400)]),
        Json("truncated body", """{"filters":{"usernames":["a""", Every(400)),
        Json("JSON null", "null", Every(400)),
        Json("JSON array", "[]", Every(400)),
        Json("JSON string", "\"filters\""),
        Json("NaN and Infinity tokens", """{"limit":NaN,"offset":Infinity}""", Every(400)),
        Json("duplicate properties", """{"filters":{},"filters":[],"searchFilter":{},"searchFilter":1,"activities":[],"activities":{}}"""),
        new("invalid UTF-8", [.. "{\"filters\":{\"usernames\":[\""u8, 0xFF, 0xFE, 0xC0, 0x80, .. "\"]},\"id\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], Expected: Every(400)),
        new("byte order mark", [0xEF, 0xBB, 0xBF, .. """{"filters":{}}"""u8]),
        Json("500,000-character username", $$$"""{"filters":{"usernames":["{{{new string('u', 500_000)}}}"]},"searchFilter":{"usernames":["{{{new string('u', 400_000)}}}"]}}"""),
        new("wrong content type: text/plain", Encoding.UTF8.GetBytes("""{"filters":{}}"""), "text/plain", Expected: Every(415)),
        new("wrong content type: form", Encoding.UTF8.GetBytes("filters=1&activities=2"), "application/x-www-form-urlencoded", Expected: Every(415)),
        new("wrong content type: JSON in UTF-16", Encoding.Unicode.GetBytes("""{"filters":{}}"""), "application/json; charset=utf-16", Expected: Every(415)),
        new("query: huge and fractional numbers", Query: "limit=99999999999999999999&offset=1e309", Expected: [(ListQuery, 400)]),
        new("query: negative numbers", Query: "limit=-1&offset=-9223372036854775809", Expected: [(ListQuery, 400)]),
        new("query: lone surrogate in searchFilter", Query: "searchFilter=" + Uri.EscapeDataString($$"""{"usernames":["{{LoneHigh}}"]}"""), Expected: [(ListQuery, 400)]),
        new("query: invalid UTF-8", Query: "searchFilter=%FF%FE&status=%ED%A0%80&limit=%C0%80"),
        new("query: repeated parameters", Query: "limit=1&limit=2&offset=0&offset=1&searchFilter=%7B%7D&searchFilter=%7B%7D&status=OPENED&status=UNOPENED", Expected: [(ListQuery, 400)]),
        new("query: 9999-12-31 dates", Query: "searchFilter=" + Uri.EscapeDataString("""{"dates":{"startDate":"9999-12-31","endDate":"9999-12-31"}}"""), Expected: [(ListQuery, 400)]),
        new("query: deep nesting", Query: "searchFilter=" + new string('[', 3_000) + new string(']', 3_000), Expected: [(ListQuery, 400)]),
        new("query: control characters", Query: "status=%00%1B&limit=%00&searchFilter=%00"),
        new("route: path traversal", RouteValue: "..%2F..%2Fetc%2Fpasswd"),
        new("route: 5,000 characters", RouteValue: new string('a', 5_000)),
        new("route: encoded lone surrogate", RouteValue: "%ED%A0%80"),
        new("route: NUL", RouteValue: "%00", AnsweredByKestrel: true),
        new("header: malformed range", Header: ("Range", "bytes=abc")),
        new("header: several ranges", Header: ("Range", "bytes=0-1,5-6,-3")),
        new("header: huge range", Header: ("Range", "bytes=99999999999999999999999-")),
        new("header: garbage conditionals", Header: ("If-None-Match", "W/\"x\", *, garbage")),
        new("header: garbage language", Header: ("Accept-Language", "zz-ZZZZZZZZZ;q=abc, *;q=-1")),
    ];

    private static HostileCase Json(string name, string json, (string Endpoint, int Status)[]? expected = null) =>
        new(name, Encoding.UTF8.GetBytes(json), Expected: expected);

    /// <summary>Every endpoint that reads a JSON body answers this status.</summary>
    private static (string Endpoint, int Status)[] Every(int status) => [.. JsonEndpoints.Select(e => (e, status))];

    private static string Repeat(string item, int count) => string.Join(',', Enumerable.Repeat(item, count));

    private static string Nest(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();
}
