using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// The web channel alone, in-process on loopback, with a scripted intake that answers through the web channel
/// sender: measures what the Direct Line layer costs, without the engine and store.
/// </summary>
public static class ChannelOnlyHost
{
    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
        builder.Services.AddSingleton<IWebInboundHandler, ScriptedIntake>();
        builder.Services.AddWebChatChannel(builder.Configuration);
        var app = builder.Build();
        app.MapWebChat();
        await app.StartAsync();
        return app;
    }

    public static string Url(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private sealed class ScriptedIntake(WebChannelSender sender) : IWebInboundHandler
    {
        private static readonly (string Text, MessageButton[] Buttons)[] Steps =
        [
            ("This article may help: VPN reconnect", [new("This solved it", "solved"), new("Not that", "not that")]),
            ("What is it about?", [new("Network", "network"), new("Hardware", "hardware")]),
            ("Who is affected?", [new("Only me", "low"), new("My team", "high")]),
            ("How urgent is it?", [new("It blocks my work", "high"), new("It can wait", "low")]),
            ("Create the ticket?", [new("Yes, create it", "confirm"), new("Cancel", "cancel")]),
        ];

        private readonly ConcurrentDictionary<string, int> _step = new();
        private int _tickets;

        public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
        {
            var step = _step.AddOrUpdate(message.ConversationId, 0, (_, s) => s + 1);
            await sender.SendAsync(step < Steps.Length
                ? new OutboundMessage { To = message.ReplyAddress, Text = Steps[step].Text, Buttons = Steps[step].Buttons }
                : new OutboundMessage { To = message.ReplyAddress, Text = $"Ticket SD-{Interlocked.Increment(ref _tickets)} created." }, cancellationToken);
        }
    }
}
