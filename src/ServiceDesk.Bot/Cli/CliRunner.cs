using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Bot.Cli;

/// <summary>
/// Administrator commands of the same binary: <c>dotnet run --project src/ServiceDesk.Bot -- lifecycle</c>, <c>-- kb …</c>.
/// Anything else starts the service.
/// </summary>
public static class CliRunner
{
    private static readonly string[] Commands = ["lifecycle", "help", "--help"];

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        switch (args[0])
        {
            case "lifecycle":
                stdout.Write(LifecycleDiagram.ToMermaid());
                return Task.FromResult(0);
            default:
                stdout.WriteLine("ServiceDesk.Bot — run with no arguments to start the service.");
                stdout.WriteLine("Commands: lifecycle (print the ticket lifecycle as a Mermaid diagram)");
                return Task.FromResult(0);
        }
    }
}
