using AuditAdmin.Core;
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
await app.RunAsync();
return 0;
