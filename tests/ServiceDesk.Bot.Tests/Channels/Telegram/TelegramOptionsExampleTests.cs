using System.Reflection;
using Microsoft.Extensions.Configuration;
using ServiceDesk.Bot.Channels.Telegram;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramOptionsExampleTests
{
    [Fact]
    public void Example_settings_document_every_telegram_option_with_its_default()
    {
        var file = FindUp("appsettings.example.json");
        var section = new ConfigurationBuilder().AddJsonFile(file).Build().GetSection(TelegramOptions.SectionName);
        var documented = section.GetChildren().Select(c => c.Key).ToHashSet();
        var options = typeof(TelegramOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);

        Assert.Equal([], options.Where(o => !documented.Contains(o)).ToList());
        var bound = section.Get<TelegramOptions>()!;
        var defaults = new TelegramOptions();
        Assert.Equal(
            (defaults.Mode, defaults.ApiBaseUrl, defaults.PollTimeoutSeconds, defaults.PollLimit, defaults.ParallelChats, defaults.RegisterCommands),
            (bound.Mode, bound.ApiBaseUrl, bound.PollTimeoutSeconds, bound.PollLimit, bound.ParallelChats, bound.RegisterCommands));
        Assert.Equal(
            (defaults.RateLimits.PerChatPerSecond, defaults.RateLimits.PerGroupPerMinute, defaults.RateLimits.GlobalPerSecond),
            (bound.RateLimits.PerChatPerSecond, bound.RateLimits.PerGroupPerMinute, bound.RateLimits.GlobalPerSecond));
        Assert.False(bound.Enabled);
    }

    private static string FindUp(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}");
    }
}
