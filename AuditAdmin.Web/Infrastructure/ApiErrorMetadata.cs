using Microsoft.AspNetCore.Http.Metadata;

namespace AuditAdmin.Web.Infrastructure;

internal static class ApiErrorMetadata
{
    /// <summary>
    /// Documents an envelope answer that the handler's result types cannot show: one written by a filter or by the
    /// authorization handler, or a status the framework has no typed result for.
    /// </summary>
    public static TBuilder ProducesApiError<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ApiErrorEnvelope), ["application/json"]));
        }
        return builder;
    }
}
