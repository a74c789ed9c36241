using ServiceDesk.Bot.Cli;
using ServiceDesk.Bot.Hosting;

if (CliRunner.Handles(args))
    return await CliRunner.RunAsync(args, Console.In, Console.Out, Console.Error);

// Settings and web assets ship next to the binaries; the working directory holds ./data (and may hold ./dialogs).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDesk();
// Under systemd (deploy/systemd, Type=notify): ready is reported once the schema is current and Kestrel listens,
// logs go to the journal with their levels, SIGTERM stops gracefully. Elsewhere this does nothing.
builder.Services.AddSystemd();
var app = builder.Build();
await app.InitializeServiceDeskAsync();
app.MapServiceDesk();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
