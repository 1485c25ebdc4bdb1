using System.Text.Json;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// The snapshot as a JSON value. The stored snapshot is a small JSON object and is copied as is. Should a row hold
/// anything else (hand-edited or ingested data), its text is kept under "raw", so that the record stays valid JSON
/// and nothing is lost; a missing snapshot is an empty object.
/// </summary>
internal static class JsonSnapshot
{
    private static readonly JsonEncodedText Raw = JsonEncodedText.Encode("raw");

    /// <param name="utf8">The stored text, valid UTF-8; empty when missing.</param>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else if (IsJsonObject(utf8))
        {
            writer.WriteRawValue(utf8, skipInputValidation: true);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString(Raw, utf8);
            writer.WriteEndObject();
        }
    }

    /// <summary>Whether the text is exactly one JSON object (the stored snapshot's usual shape).</summary>
    public static bool IsJsonObject(ReadOnlySpan<byte> json)
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
