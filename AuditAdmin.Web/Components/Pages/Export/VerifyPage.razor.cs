using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;

namespace AuditAdmin.Web.Components.Pages.Export;

/// <summary>
/// Verifies a dropped export zip against this installation's signing certificates and says, in the reader's
/// language, who exported what as of when, or which check failed. The upload is streamed to a temporary file that is
/// deleted when it closes (a zip can only be read with seeking); nothing is kept. Each verification is recorded.
/// </summary>
public sealed partial class VerifyPage
{
    /// <summary>Larger bundles are for the verify command, which reads the file where it is.</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    private CurrentUserInfo _viewer = CurrentUserInfo.From(new System.Security.Claims.ClaimsPrincipal());
    private BundleVerification? _result;
    private string? _fileName;
    private string? _error;
    private bool _checking;

    protected override async Task OnInitializedAsync() => _viewer = await CurrentUser.GetAsync();

    private async Task VerifyAsync(InputFileChangeEventArgs e)
    {
        var file = e.File;
        _fileName = file.Name;
        _result = null;
        _error = null;
        if (file.Size > MaxUploadBytes)
        {
            _error = L["Verify_TooLarge", MaxUploadBytes / (1024 * 1024)];
            return;
        }
        _checking = true;
        StateHasChanged();
        try
        {
            await using var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"auditadmin-verify-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var upload = file.OpenReadStream(MaxUploadBytes))
            {
                await upload.CopyToAsync(temp);
            }
            temp.Position = 0;
            _result = await BundleVerifier.VerifyAsync(temp, await Certificates.ListAsync(CancellationToken.None), CancellationToken.None);
            if (_viewer.Id is { } userId)
            {
                await Recorder.RecordAsync(_result, file.Name, new VerificationActor(userId, _viewer.UserName, null, "/admin/verify"),
                    CancellationToken.None);
            }
        }
        catch (IOException ex)
        {
            Logger.LogWarning(ex, "Could not read the uploaded bundle {FileName}", file.Name);
            _result = new BundleVerification([new BundleProblem(BundleProblemKind.NotAZip)], null, null);
        }
        finally
        {
            _checking = false;
        }
    }
}
