using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// The activities an export selects, in ascending id after the resume cursor and up to the job's as-of boundary
/// (<see cref="AuditLogBulkExportJob.AsOfActivityId"/>). Filters mean what they mean on the list
/// page: usernames match the recorded username exactly (an unknown name matches nothing), dates are inclusive UTC
/// instants, and an action list selects those actions.
/// </summary>
internal static class ExportActivityQuery
{
    public static IQueryable<Activity> Filter(IQueryable<Activity> activities, ExportFilters filters, long afterId, long asOfId) =>
        Filter(activities.Where(a => a.Id > afterId && a.Id <= asOfId), filters);

    /// <summary>
    /// The filters alone, without the cursor and the boundary: what the pre-flight estimate counts, so that it counts
    /// exactly what an export requested now would hold.
    /// </summary>
    public static IQueryable<Activity> Filter(IQueryable<Activity> activities, ExportFilters filters)
    {
        var query = activities;
        // Each list goes as one parameter (a JSON array: OPENJSON on SQL Server, json_each on SQLite). EF Core 10 would
        // otherwise send a parameter per value, and a thousand usernames plus the catalog's actions is a different
        // plan for every list length, close to SQL Server's limit of 2,100 parameters.
        if (filters.Usernames is { Count: > 0 } usernames)
        {
            query = query.Where(a => EF.Parameter(usernames).Contains(a.Username!));
        }
        if (filters.Actions is { Count: > 0 } actions)
        {
            query = query.Where(a => EF.Parameter(actions).Contains(a.Action));
        }
        if (filters.DateFrom is { } from)
        {
            query = query.Where(a => a.CreatedAt >= from);
        }
        if (filters.DateTo is { } to)
        {
            query = query.Where(a => a.CreatedAt <= to);
        }
        return query;
    }

    /// <summary>
    /// The export's query as a provider command, so it is read with a forward-only data reader: no entity
    /// materialisation, no change tracking, one row in memory at a time. Columns come in <see cref="ExportColumn"/> order.
    /// </summary>
    public static System.Data.Common.DbCommand Build(AuditAdminDbContext db, ExportFilters filters, long afterId, long asOfId) =>
        Filter(db.Activities.AsNoTracking(), filters, afterId, asOfId)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.UserId,
                a.Username,
                a.Ip,
                a.Endpoint,
                a.TargetModel,
                a.Target,
                a.EventModel,
                a.Event,
                a.Action,
                a.Snapshot,
                a.CreatedAt,
                a.Source,
                a.IngestedBy,
            })
            .CreateDbCommand();
}
