package com.rostra.gladly;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import com.rostra.platform.InvalidRequestException;

/**
 * Where a tenant's Gladly lives. Only Gladly's own hosts (https, *.gladly.com / *.gladly.qa) unless the operator
 * allowed more: a tenant must not be able to make Rostra call arbitrary (internal) addresses.
 */
final class GladlyEndpoint {

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9-]+)?");

    private GladlyEndpoint() {}

    static String resolve(String subdomain, String baseUrl, GladlyProperties properties) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return checked(baseUrl.strip(), properties);
        }
        if (subdomain == null || subdomain.isBlank()) {
            throw new InvalidRequestException("subdomain", "give the organization's Gladly subdomain (acme for acme.gladly.com) or a base_url");
        }
        String s = subdomain.strip().toLowerCase(Locale.ROOT);
        if (!SUBDOMAIN.matcher(s).matches()) {
            throw new InvalidRequestException("subdomain", "'" + subdomain + "' is not a Gladly subdomain such as acme or acme.us-1");
        }
        return "https://" + s + ".gladly.com/api/v1";
    }

    private static String checked(String baseUrl, GladlyProperties properties) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("base_url", "not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean operatorAllowed = properties.allowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host));
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
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }
}
