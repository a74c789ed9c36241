using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Issues and checks conversation tokens: a JSON claim set and its HMAC-SHA256, both base64url, joined by a dot.
/// The key derives from the Direct Line secret, so every replica accepts every other's tokens and nothing is stored.
/// With no secret (open mode) a fixed key is used: such tokens only identify, they protect nothing.
/// </summary>
public sealed class DirectLineTokenService
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DirectLineTokenService(IOptions<WebChatOptions> options, TimeProvider time)
    {
        var secret = options.Value.DirectLineSecret;
        _key = SHA256.HashData(Encoding.UTF8.GetBytes(string.IsNullOrEmpty(secret)
            ? "ServiceDesk.DirectLine.open-mode"
            : "ServiceDesk.DirectLine.v1|" + secret));
        _time = time;
        _lifetime = options.Value.TokenLifetime;
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(string conversationId, string? userId, string? room)
    {
        var claims = new TokenClaims(conversationId, userId, room, _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds());
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, DirectLineJson.Options);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>Reads a token; the reason says why not (forged, malformed or expired).</summary>
    public bool TryRead(string? token, out DirectLineToken? result, out string reason)
    {
        result = null;
        var dot = token?.IndexOf('.') ?? -1;
        if (token is null || dot <= 0 || dot == token.Length - 1 || token.Length > 4096)
        {
            reason = "The token is malformed.";
            return false;
        }

        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            reason = "The token is malformed.";
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            reason = "The token was not issued by this service.";
            return false;
        }

        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<TokenClaims>(payload, DirectLineJson.Options);
        }
        catch (JsonException)
        {
            claims = null;
        }

        if (claims is null || string.IsNullOrEmpty(claims.C))
        {
            reason = "The token is malformed.";
            return false;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.E);
        if (expires <= _time.GetUtcNow())
        {
            reason = "The token has expired; refresh it before it expires or start a new conversation.";
            return false;
        }

        result = new DirectLineToken(claims.C, claims.U, claims.R, expires);
        reason = "";
        return true;
    }

    private sealed record TokenClaims(string C, string? U, string? R, long E);
}
