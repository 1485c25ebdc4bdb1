using System.Globalization;
using System.Text;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>A date as SQLite holds it, turned into the export's ISO-8601 text without a DateTime where it can be.</summary>
internal static class SqliteStoredDate
{
    /// <summary>
    /// EF Core stores "yyyy-MM-dd HH:mm:ss[.FFFFFFF]": that is rewritten byte by byte to the text "O" gives for the
    /// same UTC instant. Anything else (another tool's ISO text, say) is parsed as a date and formatted.
    /// </summary>
    public static int Format(ReadOnlySpan<byte> stored, Span<byte> iso)
    {
        if (TryRewrite(stored, iso))
        {
            return IExportRow.TimestampLength;
        }
        var utc = DateTime.Parse(Encoding.UTF8.GetString(stored), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return utc.TryFormat(iso, out var written, "O", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("Could not format a date.");
    }

    private static bool TryRewrite(ReadOnlySpan<byte> s, Span<byte> iso)
    {
        if (s.Length < 19 || s.Length == 20 || s.Length > 27 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)' ' or (byte)'T')
            || s[13] != ':' || s[16] != ':' || (s.Length > 19 && s[19] != '.'))
        {
            return false;
        }
        for (var i = 0; i < s.Length; i++)
        {
            if (i is not (4 or 7 or 10 or 13 or 16 or 19) && !char.IsAsciiDigit((char)s[i]))
            {
                return false;
            }
        }
        s[..19].CopyTo(iso);
        iso[10] = (byte)'T';
        iso[19] = (byte)'.';
        var fraction = s.Length > 20 ? s[20..] : default;
        fraction.CopyTo(iso[20..]);
        iso[(20 + fraction.Length)..27].Fill((byte)'0');
        iso[27] = (byte)'Z';
        return true;
    }
}
