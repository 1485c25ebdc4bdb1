using System.Globalization;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// Whom an export is for: the requester's language and time zone, for the formats that show text or local times
/// (CSV's header row, action labels and local times); the JSON formats ignore it.
/// </summary>
internal sealed record ExportRequester(CultureInfo Culture, TimeZoneInfo TimeZone)
{
    /// <summary>English and UTC: a requester whose account is gone, or one without a language or zone.</summary>
    public static ExportRequester Default { get; } = new(CultureInfo.GetCultureInfo(Identity.SupportedCultures.Default), TimeZoneInfo.Utc);
}
