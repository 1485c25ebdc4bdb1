using AuditAdmin.Core;
using AuditAdmin.Core.Data;
using AuditAdmin.Web;
using AuditAdmin.Web.Cli;

if (CliApplication.IsCliVerb(args))
{
    return await CliApplication.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAuditAdminCore();
builder.AddAuditAdminWeb();

var app = builder.Build();
app.UseAuditAdminWeb();
try
{
    await app.RunAsync();
}
catch (SqliteSingleNodeException ex)
{
    // The operator's set-up, not a bug: said plainly, without a stack trace.
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}
return 0;
