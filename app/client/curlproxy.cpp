#include "app/client/curlproxy.h"

#include <QUrl>

#include <curl/curl.h>

namespace triptych::client {

namespace {
// A proxy could never reach this machine's own servers, and the embedded one is always here.
constexpr char kLoopbackHosts[] = "localhost,127.0.0.0/8,::1";
const QStringList kProxySchemes{QStringLiteral("http"),    QStringLiteral("https"),  QStringLiteral("socks4"),
                                QStringLiteral("socks4a"), QStringLiteral("socks5"), QStringLiteral("socks5h")};
} // namespace

QByteArray noProxyHosts() {
    QByteArray hosts = kLoopbackHosts;
    QByteArray system = qgetenv("no_proxy");
    if (system.isEmpty())
        system = qgetenv("NO_PROXY");
    if (!system.trimmed().isEmpty())
        hosts += ',' + system.trimmed();
    return hosts;
}

std::optional<CallError> applyProxy(CURL *easy, const RestRequest &request) {
    // Setting the list replaces curl's own reading of no_proxy, so the system's list is part of it.
    curl_easy_setopt(easy, CURLOPT_NOPROXY, noProxyHosts().constData());
    const QString proxy = request.proxy.trimmed();
    if (proxy.isEmpty())
        return std::nullopt;
    if (proxy.compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0) {
        curl_easy_setopt(easy, CURLOPT_PROXY, ""); // no proxy, whatever the environment says
        return std::nullopt;
    }
    const QUrl url(proxy);
    if (!url.isValid() || !kProxySchemes.contains(url.scheme().toLower()) || url.host().isEmpty())
        return CallError{ErrorKind::InvalidRequest, QStringLiteral("“%1” is not a proxy URL").arg(proxy),
                         QStringLiteral("write it like http://proxy:3128 or socks5h://127.0.0.1:1080, or \"direct\" "
                                        "for none; leave it empty for the system's *_proxy variables")};
    curl_easy_setopt(easy, CURLOPT_PROXY, proxy.toUtf8().constData());
    return std::nullopt;
}

} // namespace triptych::client
