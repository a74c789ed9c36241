using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramTokenLoggingTests
{
    [Fact]
    public async Task Client_when_calling_the_bot_api_never_writes_the_token_to_the_log()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var logged = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(logged)));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Channels:Telegram:ApiBaseUrl"] = fake.BaseUrl,
        }).Build();
        services.AddSingleton<IConfiguration>(config);
        services.AddTelegramChannel(config);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<TelegramBotClient>();
        await client.GetMeAsync(default);
        fake.Fail("sendMessage", 400, "Bad Request: chat not found");
        await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(new SendMessageRequest { ChatId = 1, Text = "x" }, default));

        Assert.NotEmpty(fake.Calls);
        Assert.DoesNotContain(logged, line => line.Contains(FakeTelegramServer.Token, StringComparison.Ordinal));
    }

}
