using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>The built AuditAdmin.Web.dll running as a separate process on 127.0.0.1, so a test can kill it for real.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(string dataDirectory, params string[] settings)
    {
        var app = Launch(dataDirectory, settings);
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>Starts the process without waiting for it to answer (for one that is expected to refuse to start).</summary>
    public static AppProcess Launch(string dataDirectory, params string[] settings)
    {
        var appDirectory = WebOutputDirectory();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(appDirectory, "AuditAdmin.Web.dll"));
        foreach (var arg in new[] { "--urls", $"http://127.0.0.1:{port}", $"--DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning" }
                     .Concat(settings))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new AppProcess(Process.Start(info)!, $"http://127.0.0.1:{port}");
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not become healthy:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>AuditAdmin.Web/bin/&lt;configuration&gt;/net10.0 of this checkout, built with the tests.</summary>
    private static string WebOutputDirectory()
    {
        var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var directory = RepositoryRoot.Combine("AuditAdmin.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(directory, "AuditAdmin.Web.dll"))
            ? directory
            : throw new InvalidOperationException($"AuditAdmin.Web.dll is not built in {directory}.");
    }
}
