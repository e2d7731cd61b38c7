package com.rostra.platform;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Body limits, enforced before anything reads a body (and before authentication): Gladly's webhook takes at most
 * {@link #WEBHOOK_BYTES}, CSV imports at most {@link #IMPORT_BYTES}. A declared length over the limit is refused
 * at once without reading; a chunked body is read only up to the limit. Either way: 413 with problem details.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestLimits extends OncePerRequestFilter {

    public static final int WEBHOOK_BYTES = 64 * 1024;
    public static final int IMPORT_BYTES = 5 * 1024 * 1024;
    /** Room for the multipart envelope around an import file. */
    static final int MULTIPART_OVERHEAD = 64 * 1024;
    public static final int IMPORT_ROWS = 100_000;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limitFor(request);
        if (limit == null) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            tooLarge(response, limit);
            return;
        }
        if (declared >= 0 || isMultipart(request)) {
            // The container never reads past a declared length; multipart is parsed (and capped) by the container.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit.bytes() + 1);
        if (body.length > limit.bytes()) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    record Limit(int bytes, String what) {}

    private static Limit limitFor(HttpServletRequest request) {
        if (!"POST".equalsIgnoreCase(request.getMethod()) && !"PUT".equalsIgnoreCase(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/webhooks/gladly") || path.startsWith("/webhooks/")) {
            return new Limit(WEBHOOK_BYTES, "A Gladly webhook delivery may be at most 64 KB; Gladly events are small.");
        }
        if (path.endsWith("/import")) {
            int bytes = isMultipart(request) ? IMPORT_BYTES + MULTIPART_OVERHEAD : IMPORT_BYTES;
            return new Limit(bytes, "A CSV import may be at most 5 MB (and " + String.format("%,d", IMPORT_ROWS)
                    + " rows); split the file and import the parts one after another.");
        }
        return null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static void tooLarge(HttpServletResponse response, Limit limit) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://rostra.dev/problems/413\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"" + limit.what() + "\",\"limit_bytes\":" + limit.bytes() + "}");
    }

    /** A chunked body already read (within the limit), served again to whoever reads it next. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public int available() throws IOException {
                    return in.available();
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
