package com.rostra.gladly;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rostra.platform.InvalidRequestException;

/**
 * Where a tenant's Gladly lives. Only Gladly's own hosts (https, *.gladly.com / *.gladly.qa) unless the operator
 * allowed more: a tenant must not be able to make Rostra call arbitrary (internal) addresses. Operator entries are
 * {@code host} (any port) or {@code host:port} (that port only). A host that is not operator-allowed must also resolve
 * to public addresses only: a *.gladly.com name pointed at 10.0.0.5 or 169.254.169.254 is refused. The check runs at
 * every use, right before the request, and the JVM's address cache (positive lookups kept for
 * {@code networkaddress.cache.ttl}, 30 s by default, never 0 here) makes the HTTP client connect to the address just
 * checked: the resolution is pinned for the request.
 */
final class GladlyEndpoint {

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9-]+)?");

    /** How a host name becomes addresses; tests substitute DNS. */
    interface HostResolver {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    static final HostResolver DNS = InetAddress::getAllByName;

    static {
        // A zero TTL would let a name resolve once for the check and again, differently, for the connection.
        String ttl = java.security.Security.getProperty("networkaddress.cache.ttl");
        if ("0".equals(ttl == null ? null : ttl.strip())) {
            java.security.Security.setProperty("networkaddress.cache.ttl", "30");
        }
    }

    private GladlyEndpoint() {}

    static String resolve(String subdomain, String baseUrl, GladlyProperties properties) {
        return resolve(subdomain, baseUrl, properties, DNS);
    }

    static String resolve(String subdomain, String baseUrl, GladlyProperties properties, HostResolver dns) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return checked(baseUrl.strip(), properties, dns);
        }
        if (subdomain == null || subdomain.isBlank()) {
            throw new InvalidRequestException("subdomain", "give the organization's Gladly subdomain (acme for acme.gladly.com) or a base_url");
        }
        String s = subdomain.strip().toLowerCase(Locale.ROOT);
        if (!SUBDOMAIN.matcher(s).matches()) {
            throw new InvalidRequestException("subdomain", "'" + subdomain + "' is not a Gladly subdomain such as acme or acme.us-1");
        }
        requirePublic(s + ".gladly.com", "subdomain", dns);
        return "https://" + s + ".gladly.com/api/v1";
    }

    private static String checked(String baseUrl, GladlyProperties properties, HostResolver dns) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("base_url", "not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        boolean operatorAllowed = properties.allowedHosts().stream().anyMatch(h -> allows(h, host, port));
        boolean gladlyHost = host.endsWith(".gladly.com") || host.endsWith(".gladly.qa");
        if (!operatorAllowed && !(gladlyHost && "https".equals(uri.getScheme()))) {
            throw new InvalidRequestException("base_url", "must be an https URL on a gladly.com or gladly.qa host");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidRequestException("base_url", "must be the API root only, e.g. https://acme.us-1.gladly.com/api/v1");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new InvalidRequestException("base_url", "must be an http(s) URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (!path.endsWith("/api/v1")) {
            throw new InvalidRequestException("base_url", "must end with /api/v1, e.g. https://acme.us-1.gladly.com/api/v1");
        }
        if (!operatorAllowed) {
            requirePublic(host, "base_url", dns);
        }
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    /** {@code host} allows every port of that host; {@code host:port} only that port ({@code [v6]:port} for IPv6). */
    static boolean allows(String entry, String host, int port) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        int colon = e.lastIndexOf(':');
        boolean hasPort = colon > 0 && (e.startsWith("[") ? e.charAt(colon - 1) == ']' : e.indexOf(':') == colon);
        if (!hasPort) {
            return stripBrackets(e).equals(stripBrackets(host));
        }
        String entryHost = stripBrackets(e.substring(0, colon));
        try {
            return entryHost.equals(stripBrackets(host)) && Integer.parseInt(e.substring(colon + 1)) == port;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * Refuses a host any of whose addresses is internal. A name that does not resolve passes: the request itself then
     * fails to connect, and nothing internal was reached.
     */
    private static void requirePublic(String host, String field, HostResolver dns) {
        InetAddress[] addresses;
        try {
            addresses = dns.addresses(stripBrackets(host));
        } catch (UnknownHostException e) {
            return;
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                throw new InvalidRequestException(field, host + " resolves to an internal address (" + a.getHostAddress()
                        + "); Rostra only calls Gladly's public API");
            }
        }
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) v4Mapped &= b[i] == 0;
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                   // "this network"
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 240;                            // reserved and broadcast
    }
}
