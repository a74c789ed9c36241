using ServiceDesk.Bot.Cli;
using ServiceDesk.Bot.Hosting;

if (CliRunner.Handles(args))
    return await CliRunner.RunAsync(args, Console.In, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDesk();
var app = builder.Build();
await app.InitializeServiceDeskAsync();
app.MapServiceDesk();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
