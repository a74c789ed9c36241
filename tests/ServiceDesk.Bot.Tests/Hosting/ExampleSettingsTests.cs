using ServiceDesk.Core.Tests.Harness;
using System.Reflection;
using System.Text.Json;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Sla;

namespace ServiceDesk.Bot.Tests.Hosting;

/// <summary>appsettings.example.json documents every setting: each options class's properties appear in its section (Telegram has its own test).</summary>
public sealed class ExampleSettingsTests
{
    public static TheoryData<string, Type> Sections => new()
    {
        { "ServiceDesk", typeof(ServiceDeskOptions) },
        { "ServiceDesk:Database", typeof(DatabaseOptions) },
        { "ServiceDesk:Api", typeof(ApiOptions) },
        { "ServiceDesk:Retention", typeof(RetentionOptions) },
        { "Knowledge", typeof(KnowledgeOptions) },
        { "Sla", typeof(SlaOptions) },
        { "Outbox", typeof(OutboxOptions) },
        { "Channels:WebChat", typeof(WebChatOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Example_settings_when_compared_with_an_options_class_document_every_property(string section, Type options)
    {
        var root = RepositoryPaths.Root;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var node = doc.RootElement;
        foreach (var part in section.Split(':'))
            Assert.True(node.TryGetProperty(part, out node), $"appsettings.example.json has no section {section}");
        var documented = node.EnumerateObject().Select(p => p.Name).ToHashSet();
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
        var missing = settable.Where(p => !documented.Contains(p)).ToList();
        Assert.True(missing.Count == 0, $"{section}: not documented: {string.Join(", ", missing)}");
    }
}
