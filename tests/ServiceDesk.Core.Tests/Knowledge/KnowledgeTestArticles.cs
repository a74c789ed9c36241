using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>A small knowledge base in three languages for search tests.</summary>
public static class KnowledgeTestArticles
{
    public static KnowledgeArticle Article(string id, string lang, string title, string body, params string[] tags) => new()
    {
        Id = id,
        Title = title,
        Body = body,
        Tags = [.. tags],
        Language = lang,
        UpdatedAt = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
    };

    public static List<KnowledgeArticle> All() =>
    [
        Article("vpn-en", "en", "VPN does not connect",
            "Cisco AnyConnect hangs on connecting or says login failed. Check your internet connection, restart the VPN client and sign in with your password.",
            "vpn", "remote access", "network"),
        Article("vpn-ru", "ru", "Не подключается VPN",
            "Cisco AnyConnect долго висит на подключении или пишет login failed. Проверьте интернет дома, перезапустите клиент VPN и войдите с паролем.",
            "vpn", "впн", "удалённый доступ"),
        Article("vpn-pl", "pl", "Nie mogę połączyć się z VPN",
            "Cisco AnyConnect wisi na łączeniu albo pisze login failed. Sprawdź internet w domu, uruchom ponownie klienta VPN i zaloguj się hasłem.",
            "vpn", "zdalny dostęp", "sieć"),
        Article("password-en", "en", "Reset a forgotten or expired password",
            "Open the password reset portal, confirm with your phone and choose a new password. Update the saved password on your phone and laptop.",
            "password", "reset", "expired"),
        Article("password-ru", "ru", "Как сбросить забытый пароль",
            "Откройте портал сброса пароля, подтвердите телефоном и задайте новый пароль. Обновите сохранённый пароль на телефоне и ноутбуке.",
            "пароль", "сброс"),
        Article("printer-en", "en", "Printer does not print",
            "Jobs stay in the queue. Restart the printer, check paper and toner, remove stuck jobs from the print queue.",
            "printer", "printing", "toner"),
        Article("printer-pl", "pl", "Drukarka nie drukuje",
            "Wydruki zostają w kolejce. Uruchom ponownie drukarkę, sprawdź papier i toner, usuń zablokowane zadania z kolejki.",
            "drukarka", "drukowanie"),
        Article("onedrive-en", "en", "OneDrive does not sync",
            "The OneDrive icon shows a red cross or files are not uploading. Sign in again and free disk space.",
            "onedrive", "sync"),
        Article("share-en", "en", "Access denied to a network folder (error 0x80070005)",
            "Windows says access is denied with error 0x80070005 when you open a shared folder. Ask the folder owner for access.",
            "file share", "access denied", "0x80070005"),
        Article("mfa-en", "en", "New phone: move two-factor authentication (2FA)",
            "Before you switch phones, add the Authenticator app on the new phone and remove the old one. 2FA codes come from the app.",
            "2fa", "mfa", "authenticator"),
    ];
}
