using System.Globalization;
using System.Text.Json;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// An optional integer parameter of the API (<c>limit</c>, <c>offset</c>) with its default and range, read from the
/// query string or a JSON body. Absent (or JSON null) gives the default; anything else must be an integer in range.
/// </summary>
internal sealed record IntegerParameter(string Name, int Default, int Min, int Max)
{
    public string RangeMessage => Max == int.MaxValue
        ? $"{Name} must be an integer of at least {Min}"
        : $"{Name} must be an integer from {Min} to {Max}";

    /// <summary>Digits with an optional sign; null means absent.</summary>
    public bool TryParse(string? text, out int value)
    {
        if (text is null)
        {
            value = Default;
            return true;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && InRange(value);
    }

    /// <summary>Given at most once.</summary>
    public bool TryRead(IQueryCollection query, out int value)
    {
        if (!query.TryGetValue(Name, out var raw) || raw.Count == 0)
        {
            return TryParse(null, out value);
        }
        value = Default;
        return raw.Count == 1 && TryParse(raw[0] ?? "", out value);
    }

    /// <summary>A JSON integer, or a string holding one (the reference's validator accepts both).</summary>
    public bool TryRead(JsonElement body, out int value)
    {
        value = Default;
        if (!body.TryGetProperty(Name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out value) && InRange(value),
            JsonValueKind.String => TryParse(element.GetString()!, out value),
            _ => false,
        };
    }

    private bool InRange(int value) => value >= Min && value <= Max;
}
