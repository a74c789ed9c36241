using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class WebChatOptionsValidatorTests
{
    private readonly WebChatOptionsValidator _validator = new();

    [Fact]
    public void Validate_when_defaults_succeeds()
    {
        Assert.True(_validator.Validate(null, new WebChatOptions()).Succeeded);
    }

    [Theory]
    [InlineData("DirectLineSecret")]
    [InlineData("TokenLifetime")]
    [InlineData("MaxBodyBytes")]
    [InlineData("Rooms:0")]
    [InlineData("BotId")]
    public void Validate_when_setting_is_bad_fails_naming_it(string setting)
    {
        var options = new WebChatOptions();
        switch (setting)
        {
            case "DirectLineSecret": options.DirectLineSecret = "short"; break;
            case "TokenLifetime": options.TokenLifetime = TimeSpan.FromSeconds(5); break;
            case "MaxBodyBytes": options.MaxBodyBytes = 10; break;
            case "Rooms:0": options.Rooms = ["bad room"]; break;
            case "BotId": options.BotId = "bot:1"; break;
        }

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Channels:WebChat:{setting}", result.FailureMessage);
    }
}
