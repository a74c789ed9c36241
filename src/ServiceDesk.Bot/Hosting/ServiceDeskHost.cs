using System.Text.Json.Serialization;
using ServiceDesk.Bot.Api;
using ServiceDesk.Bot.Channels.DirectLine;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Api.Knowledge;
using ServiceDesk.Bot.Api.Outbox;
using ServiceDesk.Bot.Api.Privacy;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Health;
using ServiceDesk.Bot.Telemetry;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Transfer;
using ServiceDesk.Core;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Hosting;

/// <summary>The composition root: the core, the channels, the HTTP API.</summary>
public static class ServiceDeskHost
{
    public static WebApplicationBuilder AddServiceDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddServiceDeskCore();
        services.AddServiceDeskBackgroundWork();
        services.AddProblemDetails();
        // A body that does not bind is the caller's mistake: 400 with a problem, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<MetricsCollector>();
        services.AddWebChatChannel(builder.Configuration);
        services.AddTelegramChannel(builder.Configuration);
        return builder;
    }

    /// <summary>Fails fast on broken dialogs/ content or configuration, and brings the schema up to date.</summary>
    public static async Task InitializeServiceDeskAsync(this IHost app)
    {
        _ = app.Services.GetRequiredService<TextCatalog>();
        _ = app.Services.GetRequiredService<ServiceDesk.Core.Conversations.Intake.IntakeDefinition>();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        if (app.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.SeedOnStart)
            await app.Services.GetRequiredService<KnowledgeSeeder>().SeedIfEmptyAsync(CancellationToken.None);
    }

    public static WebApplication MapServiceDesk(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapTicketEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapOutboxEndpoints();
        app.MapPeopleEndpoints();
        app.MapMetricsEndpoint();
        app.MapWebChat();
        app.MapTelegramEndpoints();
        return app;
    }
}
