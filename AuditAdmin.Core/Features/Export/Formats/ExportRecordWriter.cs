using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AuditAdmin.Core.Features.Export.Sources;
using Col = AuditAdmin.Core.Features.Export.Sources.ExportActivityQuery.Column;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// Writes one activity as GROWI's exported record: <c>_id, user, username, ip, endpoint, targetModel, target,
/// eventModel, event, action, snapshot</c> (an object) and <c>createdAt</c> (ISO-8601 UTC with Z).
/// </summary>
internal static class ExportRecordWriter
{
    internal static readonly JsonEncodedText IdName = JsonEncodedText.Encode("_id");
    internal static readonly JsonEncodedText UserName = JsonEncodedText.Encode("user");
    internal static readonly JsonEncodedText UsernameName = JsonEncodedText.Encode("username");
    internal static readonly JsonEncodedText IpName = JsonEncodedText.Encode("ip");
    internal static readonly JsonEncodedText EndpointName = JsonEncodedText.Encode("endpoint");
    internal static readonly JsonEncodedText TargetModelName = JsonEncodedText.Encode("targetModel");
    internal static readonly JsonEncodedText TargetName = JsonEncodedText.Encode("target");
    internal static readonly JsonEncodedText EventModelName = JsonEncodedText.Encode("eventModel");
    internal static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    internal static readonly JsonEncodedText ActionName = JsonEncodedText.Encode("action");
    internal static readonly JsonEncodedText SnapshotName = JsonEncodedText.Encode("snapshot");
    internal static readonly JsonEncodedText CreatedAtName = JsonEncodedText.Encode("createdAt");

    /// <summary>Writes the reader's current row (columns in <see cref="Col"/> order); returns its id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Write(Utf8JsonWriter writer, DbDataReader row)
    {
        var id = row.GetInt64(Col.Id);
        writer.WriteStartObject();
        writer.WriteNumber(IdName, id);
        WriteString(writer, UserName, row, Col.UserId);
        WriteString(writer, UsernameName, row, Col.Username);
        WriteString(writer, IpName, row, Col.Ip);
        WriteString(writer, EndpointName, row, Col.Endpoint);
        WriteString(writer, TargetModelName, row, Col.TargetModel);
        WriteString(writer, TargetName, row, Col.Target);
        WriteString(writer, EventModelName, row, Col.EventModel);
        WriteString(writer, EventName, row, Col.Event);
        WriteString(writer, ActionName, row, Col.Action);
        writer.WritePropertyName(SnapshotName);
        WriteSnapshot(writer, row.IsDBNull(Col.Snapshot) ? null : row.GetString(Col.Snapshot));
        WriteCreatedAt(writer, DateTime.SpecifyKind(row.GetDateTime(Col.CreatedAt), DateTimeKind.Utc));
        writer.WriteEndObject();
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, DbDataReader row, int ordinal)
    {
        if (row.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, row.GetString(ordinal));
        }
    }

    /// <summary>A text value given as UTF-8; invalid sequences become U+FFFD, as when decoding to a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteUtf8String(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            writer.WriteString(name, utf8);
        }
        else
        {
            writer.WriteString(name, Encoding.UTF8.GetString(utf8));
        }
    }

    /// <summary>Round-trip precision ("O": 7 fractional digits, Z), so an exported time compares equal to the stored one.</summary>
    internal static void WriteCreatedAt(Utf8JsonWriter writer, DateTime utc)
    {
        Span<byte> buffer = stackalloc byte[40];
        if (!utc.TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("Could not format a date.");
        }
        writer.WriteString(CreatedAtName, buffer[..written]);
    }

    /// <summary>
    /// The date as SQLite stores it for EF Core ("yyyy-MM-dd HH:mm:ss[.FFFFFFF]"), rewritten byte by byte to the same
    /// text <see cref="WriteCreatedAt(Utf8JsonWriter, DateTime)"/> produces; anything else is parsed as a date.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteCreatedAt(Utf8JsonWriter writer, ReadOnlySpan<byte> stored)
    {
        Span<byte> iso = stackalloc byte[28];
        if (TryRewriteStoredDate(stored, iso))
        {
            writer.WriteString(CreatedAtName, iso);
            return;
        }
        var text = Encoding.UTF8.GetString(stored);
        WriteCreatedAt(writer, DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }

    private static bool TryRewriteStoredDate(ReadOnlySpan<byte> s, Span<byte> iso)
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

    /// <summary>
    /// The stored snapshot is a small JSON object and is copied as is. Should a row hold anything else (hand-edited or
    /// ingested data), its text is kept under "raw" so that the record stays valid JSON and nothing is lost.
    /// </summary>
    internal static void WriteSnapshot(Utf8JsonWriter writer, string? snapshot)
    {
        if (string.IsNullOrEmpty(snapshot))
        {
            WriteSnapshot(writer, ReadOnlySpan<byte>.Empty);
            return;
        }
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(snapshot.Length));
        try
        {
            WriteSnapshot(writer, rented.AsSpan(0, Encoding.UTF8.GetBytes(snapshot, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc cref="WriteSnapshot(Utf8JsonWriter, string?)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteSnapshot(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else if (!Utf8.IsValid(utf8))
        {
            // Decoded with replacement characters, exactly as the data-reader path sees it.
            WriteSnapshot(writer, Encoding.UTF8.GetString(utf8));
        }
        else if (IsJsonObject(utf8))
        {
            writer.WriteRawValue(utf8, skipInputValidation: true);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("raw", Encoding.UTF8.GetString(utf8));
            writer.WriteEndObject();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.TrySkip())
            {
                return false;
            }
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
