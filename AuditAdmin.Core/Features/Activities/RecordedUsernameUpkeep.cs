using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// Keeps <see cref="RecordedUsername"/> in step with activities saved through EF Core: the usernames of added
/// activities are noted when the save starts and written just before its transaction commits, so they stand or fall
/// with the activities. A save that holds activities always runs in a transaction (EF Core skips it for a single
/// statement otherwise). The bulk writer keeps the table itself, in its own transaction.
/// </summary>
internal sealed class RecordedUsernameUpkeep : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteAddedUsernames(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        NoteAddedUsernames(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        foreach (var command in Commands(transaction, eventData.Context))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        foreach (var command in Commands(transaction, eventData.Context))
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void NoteAddedUsernames(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var names = context.ChangeTracker.Entries<Activity>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Username).OfType<string>().ToList();
        if (names.Count == 0)
        {
            return;
        }
        _pending.GetOrCreateValue(context).UnionWith(names);
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>The inserts for the names noted on this context, bound to the committing transaction; the note is cleared.</summary>
    private List<DbCommand> Commands(DbTransaction transaction, DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var names) || names.Count == 0)
        {
            return [];
        }
        var sql = RecordedUsernameSql.For(context.Database);
        var commands = names.Order(StringComparer.Ordinal).Select(name =>
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = RecordedUsernameSql.Parameter;
            parameter.Value = name;
            command.Parameters.Add(parameter);
            return command;
        }).ToList();
        names.Clear();
        return commands;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var names))
        {
            names.Clear();
        }
    }
}
