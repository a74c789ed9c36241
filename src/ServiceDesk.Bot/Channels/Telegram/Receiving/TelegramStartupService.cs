using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram.Api;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// At start: learns the bot's username, registers the command menu (en, ru, pl) and, in webhook mode with
/// a WebhookUrl, the webhook. Retries in the background; a Bot API outage never blocks the host.
/// </summary>
public sealed class TelegramStartupService(
    TelegramBotClient client,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramStartupService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
            return;
        var steps = new List<(string Name, Func<Task> Run)>
        {
            ("getMe", async () => _ = await identity.GetUsernameAsync(stoppingToken) ?? throw new TelegramApiException("getMe", 0, "no username")),
        };
        if (o.RegisterCommands)
            steps.Add(("setMyCommands", () => RegisterCommandsAsync(stoppingToken)));
        if (o.Mode == TelegramMode.Webhook && !string.IsNullOrEmpty(o.WebhookUrl))
            steps.Add(("setWebhook", () => client.SetWebhookAsync(o.WebhookUrl, o.SecretToken, stoppingToken)));

        foreach (var (name, run) in steps)
        {
            for (var wait = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; wait = wait * 2 > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : wait * 2)
            {
                try
                {
                    await run();
                    break;
                }
                catch (TelegramApiException e)
                {
                    log.LogWarning("Telegram {Step} failed ({Code} {Description}); retrying in {Wait}", name, e.ErrorCode, e.Description, wait);
                    try
                    {
                        await Task.Delay(wait, clock, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken ct)
    {
        await client.SetMyCommandsAsync(new(TelegramCommandMenu.For("en")), ct);
        foreach (var language in TelegramCommandMenu.Languages)
            await client.SetMyCommandsAsync(new(TelegramCommandMenu.For(language), language), ct);
    }
}
