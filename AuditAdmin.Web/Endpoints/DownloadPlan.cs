using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace AuditAdmin.Web.Endpoints;

public enum DownloadOutcome
{
    /// <summary>200, every byte.</summary>
    Full,

    /// <summary>206, one byte range.</summary>
    Partial,

    /// <summary>304: the client's copy is current; no byte is sent.</summary>
    NotModified,

    /// <summary>412: an If-Match or If-Unmodified-Since failed; no byte is sent.</summary>
    PreconditionFailed,

    /// <summary>416: the range lies outside the file; no byte is sent.</summary>
    RangeNotSatisfiable,
}

/// <summary>
/// What a download will send, decided from the parsed headers (RFC 9110 sections 13 and 14), before a byte is read or
/// recorded: the caller records exactly the downloads that send bytes (<see cref="SendsBytes"/>). A malformed Range,
/// a unit other than bytes, several ranges, or an If-Range that no longer matches all mean the whole file, as
/// ASP.NET Core's own file results do.
/// </summary>
public sealed record DownloadPlan(DownloadOutcome Outcome, long Start, long Length, long TotalLength)
{
    public bool SendsBytes => Outcome is DownloadOutcome.Full or DownloadOutcome.Partial;

    /// <summary>"bytes first-last/total" for a range, "bytes */total" for a refused one; null otherwise.</summary>
    public string? ContentRange => Outcome switch
    {
        DownloadOutcome.Partial => $"bytes {Start}-{Start + Length - 1}/{TotalLength}",
        DownloadOutcome.RangeNotSatisfiable => $"bytes */{TotalLength}",
        _ => null,
    };

    public static DownloadPlan Decide(HttpRequest request, long length, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        // HTTP dates have whole seconds.
        lastModified = new DateTimeOffset(lastModified.Ticks - lastModified.Ticks % TimeSpan.TicksPerSecond, lastModified.Offset);
        var full = new DownloadPlan(DownloadOutcome.Full, 0, length, length);

        var ifMatch = headers.IfMatch;
        if (ifMatch.Count > 0 && !ifMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true)))
        {
            return full with { Outcome = DownloadOutcome.PreconditionFailed, Length = 0 };
        }
        if (ifMatch.Count == 0 && headers.IfUnmodifiedSince is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return full with { Outcome = DownloadOutcome.PreconditionFailed, Length = 0 };
        }
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                return full with { Outcome = DownloadOutcome.NotModified, Length = 0 };
            }
        }
        else if (headers.IfModifiedSince is { } modifiedSince && lastModified <= modifiedSince)
        {
            return full with { Outcome = DownloadOutcome.NotModified, Length = 0 };
        }

        if (!IsSingleByteRange(request, headers, out var range) || !IfRangeHolds(request, headers, etag, lastModified))
        {
            return full;
        }
        long start, count;
        if (range.From is { } from)
        {
            if (from >= length)
            {
                return full with { Outcome = DownloadOutcome.RangeNotSatisfiable, Length = 0 };
            }
            var last = range.To is { } to && to < length - 1 ? to : length - 1;
            (start, count) = (from, last - from + 1);
        }
        else
        {
            var suffix = Math.Min(range.To!.Value, length);
            if (suffix <= 0)
            {
                return full with { Outcome = DownloadOutcome.RangeNotSatisfiable, Length = 0 };
            }
            (start, count) = (length - suffix, suffix);
        }
        return new DownloadPlan(DownloadOutcome.Partial, start, count, length);
    }

    private static bool IsSingleByteRange(HttpRequest request, RequestHeaders headers, out RangeItemHeaderValue range)
    {
        range = default!;
        if (request.Headers.Range.Count != 1)
        {
            return false;
        }
        var parsed = headers.Range;
        if (parsed is null || !parsed.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || parsed.Ranges.Count != 1)
        {
            return false;
        }
        range = parsed.Ranges.Single();
        return range.From is not null || range.To is not null;
    }

    /// <summary>Without If-Range the range applies; with it, only while the client's validator is still the current one.</summary>
    private static bool IfRangeHolds(HttpRequest request, RequestHeaders headers, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.Headers.IfRange.Count == 0)
        {
            return true;
        }
        return headers.IfRange switch
        {
            { EntityTag: { } tag } => tag.Compare(etag, useStrongComparison: true),
            { LastModified: { } date } => date == lastModified,
            _ => false,
        };
    }
}
