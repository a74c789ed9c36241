using System.Security.Cryptography;
using System.Text;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>
/// Short stand-ins for callback values over 64 bytes: <c>~</c> plus 16 base64url characters of the value's
/// SHA-256, so the same value always gets the same token and a store keeps one row per value.
/// </summary>
public static class CallbackToken
{
    public const char Prefix = '~';

    public static string For(string value)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return Prefix + Convert.ToBase64String(hash, 0, 12).Replace('+', '-').Replace('/', '_');
    }

    public static bool IsToken(string data) => data.Length == 17 && data[0] == Prefix;
}
