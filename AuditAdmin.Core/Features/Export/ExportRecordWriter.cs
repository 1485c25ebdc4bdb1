using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Col = AuditAdmin.Core.Features.Export.ExportActivityQuery.Column;

namespace AuditAdmin.Core.Features.Export;

/// <summary>
/// Writes one activity as GROWI's exported record: <c>_id, user, username, ip, endpoint, targetModel, target,
/// eventModel, event, action, snapshot</c> (an object) and <c>createdAt</c> (ISO-8601 UTC with Z).
/// </summary>
public static class ExportRecordWriter
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("_id");
    private static readonly JsonEncodedText UserName = JsonEncodedText.Encode("user");
    private static readonly JsonEncodedText UsernameName = JsonEncodedText.Encode("username");
    private static readonly JsonEncodedText IpName = JsonEncodedText.Encode("ip");
    private static readonly JsonEncodedText EndpointName = JsonEncodedText.Encode("endpoint");
    private static readonly JsonEncodedText TargetModelName = JsonEncodedText.Encode("targetModel");
    private static readonly JsonEncodedText TargetName = JsonEncodedText.Encode("target");
    private static readonly JsonEncodedText EventModelName = JsonEncodedText.Encode("eventModel");
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText ActionName = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText SnapshotName = JsonEncodedText.Encode("snapshot");
    private static readonly JsonEncodedText CreatedAtName = JsonEncodedText.Encode("createdAt");

    /// <summary>Writes the reader's current row; returns its id.</summary>
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteCreatedAt(Utf8JsonWriter writer, DateTime utc)
    {
        // Round-trip precision ("O": 7 fractional digits, Z), so an exported time compares equal to the stored one.
        Span<byte> buffer = stackalloc byte[40];
        if (!utc.TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("Could not format a date.");
        }
        writer.WriteString(CreatedAtName, buffer[..written]);
    }

    /// <summary>
    /// The stored snapshot is a small JSON object and is copied as is. Should a row hold anything else (hand-edited or
    /// ingested data), its text is kept under "raw" so that the record stays valid JSON and nothing is lost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteSnapshot(Utf8JsonWriter writer, string? snapshot)
    {
        if (string.IsNullOrEmpty(snapshot))
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }
        var length = Encoding.UTF8.GetMaxByteCount(snapshot.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(snapshot, rented));
            if (IsJsonObject(bytes))
            {
                writer.WriteRawValue(bytes, skipInputValidation: true);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("raw", snapshot);
                writer.WriteEndObject();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
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
