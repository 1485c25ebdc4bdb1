using System.Buffers;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// Sends the planned bytes of a stored zip (200 whole, 206 one range). The stream is opened only here, after the
/// download was recorded, read with the request's abort token, and disposed however the copy ends (done, failed, or
/// the client gone).
/// </summary>
internal sealed class ZipDownloadResult(DownloadPlan plan, string contentDisposition, Func<CancellationToken, Task<Stream?>> open,
    ILogger logger, Guid attachmentId) : IResult
{
    private const int BufferSize = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        await using var stream = await open(aborted);
        if (stream is null)
        {
            logger.LogWarning("The stored file of attachment {AttachmentId} is missing", attachmentId);
            await Infrastructure.ApiResults.WriteAsync(httpContext, StatusCodes.Status404NotFound, Infrastructure.ApiErrorCodes.NotFound,
                "No such attachment");
            return;
        }
        response.StatusCode = plan.Outcome == DownloadOutcome.Partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        response.ContentType = "application/zip";
        response.ContentLength = plan.Length;
        response.Headers.ContentDisposition = contentDisposition;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'";
        if (plan.ContentRange is { } range)
        {
            response.Headers.ContentRange = range;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await SkipAsync(stream, plan.Start, buffer, aborted);
            var remaining = plan.Length;
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), aborted);
                if (read == 0)
                {
                    throw new IOException($"The stored file of attachment {attachmentId} ended {remaining} bytes early.");
                }
                await response.Body.WriteAsync(buffer.AsMemory(0, read), aborted);
                remaining -= read;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            logger.LogInformation("Download of attachment {AttachmentId} stopped: the client went away", attachmentId);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task SkipAsync(Stream stream, long count, byte[] buffer, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }
        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }
        while (count > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The stored file is shorter than the requested range.");
            }
            count -= read;
        }
    }
}
