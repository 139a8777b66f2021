package dev.toolgate.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.tls.HeldCertificate;

/**
 * The tenant endpoint every configuration shares: a Netty HTTPS server (JDK TLS, HTTP/1.1 keep-alive; with
 * {@code --http2} it also offers HTTP/2 through ALPN, RFC 9113 §3.2, and a client that takes it multiplexes its calls
 * over a few connections) on {@code 127.0.0.1} with one event-loop thread per core, answering a fixed JSON body of 185 bytes at once, as a fast
 * CRM lookup would. Requests are held on timers, not threads, so 10,000 held requests cost only their connections.
 *
 * <p>Paths: {@code /tools/<anything>} answers at once; {@code /hold/<millis>/<anything>} answers after that many
 * milliseconds (the concurrency item); {@code GET /stats} answers
 * {@code {"connections":N,"requests":N,"signed":N,"inflight":N,"peak_inflight":N}} and {@code GET /stats?reset} also
 * resets the peak. "connections" counts accepted connections (each a TLS handshake), "signed" counts requests
 * carrying {@code X-Toolgate-Signature}.
 *
 * <p>Run as its own JVM by the benchmark ({@link #main}) so that its CPU and GC are apart from the load generator's.
 */
public final class TenantEndpoint implements AutoCloseable {

    /** The answer to every tool call: 185 bytes of JSON. */
    static final byte[] BODY =
            ("{\"ok\":true,\"customer\":{\"id\":\"cus_8f14e45f\",\"name\":\"Ada Lovelace\",\"tier\":\"gold\"},"
                            + "\"next_slot\":\"2025-06-03T10:30:00Z\",\"hint\":\"Tell the caller the next free slot and ask if it suits"
                            + " them.\"}")
                    .getBytes(StandardCharsets.UTF_8);

    /**
     * Concurrent HTTP/2 streams per connection the endpoint allows: 250, Go's net/http default (nginx allows 128), so
     * a burst spreads over several connections and event loops as it would against a real server.
     */
    static final int MAX_STREAMS = 250;

    private final EventLoopGroup group;
    private final Channel channel;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong signed = new AtomicLong();
    private final AtomicLong inflight = new AtomicLong();
    private final AtomicLong peakInflight = new AtomicLong();

    /**
     * Starts the endpoint.
     *
     * @param identity the server certificate and its private key
     * @param port the port to bind on 127.0.0.1, or 0 for an ephemeral one
     * @throws IOException if the TLS context cannot be built
     * @throws InterruptedException if interrupted while binding
     */
    public TenantEndpoint(HeldCertificate identity, int port) throws IOException, InterruptedException {
        this(identity, port, false);
    }

    /**
     * Starts the endpoint, offering HTTP/2 when {@code http2} (HTTP/1.1 stays available to clients that do not
     * ask for h2).
     *
     * @throws IOException if the TLS context cannot be built
     * @throws InterruptedException if interrupted while binding
     */
    public TenantEndpoint(HeldCertificate identity, int port, boolean http2) throws IOException, InterruptedException {
        SslContextBuilder builder = SslContextBuilder.forServer(
                        identity.keyPair().getPrivate(), identity.certificate())
                .sslProvider(SslProvider.JDK);
        if (http2) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(
                    ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2,
                    ApplicationProtocolNames.HTTP_1_1));
        }
        SslContext tls = builder.build();
        group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 16_384)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        if (http2) {
                            ch.pipeline().addLast(new Negotiation());
                        } else {
                            http1(ch);
                        }
                    }
                })
                .bind("127.0.0.1", port)
                .sync()
                .channel();
    }

    /** Returns the bound port. */
    public int port() {
        return ((java.net.InetSocketAddress) channel.localAddress()).getPort();
    }

    private void http1(Channel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new Handler());
    }

    /** After the TLS handshake: HTTP/2 (each stream a child channel seeing HTTP/1-style objects) or HTTP/1.1. */
    private final class Negotiation extends ApplicationProtocolNegotiationHandler {
        Negotiation() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                ctx.pipeline()
                        .addLast(
                                // A real server's stream limit, and a stream window of 1 MiB (RFC 9113 §6.9.2: 65,535
                                // bytes by default).
                                Http2FrameCodecBuilder.forServer()
                                        .initialSettings(Http2Settings.defaultSettings()
                                                .maxConcurrentStreams(MAX_STREAMS)
                                                .initialWindowSize(1 << 20))
                                        .build(),
                                new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                                    @Override
                                    protected void initChannel(Channel stream) {
                                        stream.pipeline()
                                                .addLast(
                                                        new Http2StreamFrameToHttpObjectCodec(true),
                                                        new HttpObjectAggregator(1 << 16),
                                                        new Handler());
                                    }
                                }));
            } else {
                http1(ctx.channel());
            }
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String uri = request.uri();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (uri.startsWith("/stats")) {
                String json = "{\"connections\":" + connections.get() + ",\"requests\":" + requests.get()
                        + ",\"signed\":" + signed.get() + ",\"inflight\":" + inflight.get() + ",\"peak_inflight\":"
                        + peakInflight.get() + "}";
                if (uri.contains("?")) {
                    peakInflight.set(inflight.get());
                }
                respond(ctx, keepAlive, HttpResponseStatus.OK, json.getBytes(StandardCharsets.UTF_8));
                return;
            }
            long hold;
            if (uri.startsWith("/tools/")) {
                hold = 0;
            } else if (uri.startsWith("/hold/")) {
                int end = uri.indexOf('/', "/hold/".length());
                hold = Long.parseLong(uri.substring("/hold/".length(), end < 0 ? uri.length() : end));
            } else {
                respond(
                        ctx,
                        keepAlive,
                        HttpResponseStatus.NOT_FOUND,
                        "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            requests.incrementAndGet();
            if (request.headers().contains("X-Toolgate-Signature")) {
                signed.incrementAndGet();
            }
            peakInflight.accumulateAndGet(inflight.incrementAndGet(), Math::max);
            Runnable answer = () -> {
                inflight.decrementAndGet();
                respond(ctx, keepAlive, HttpResponseStatus.OK, BODY);
            };
            if (hold > 0) {
                ctx.executor().schedule(answer, hold, TimeUnit.MILLISECONDS);
            } else {
                answer.run();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /**
     * Runs the endpoint until its standard input closes: {@code TenantEndpoint <server.pem> [--http2]}, where the
     * file holds the certificate and its PKCS#8 key ({@link Tls}). Prints {@code PORT <n>} once it listens on an
     * ephemeral port.
     */
    public static void main(String[] args) throws Exception {
        HeldCertificate identity = HeldCertificate.decode(Files.readString(Path.of(args[0])));
        boolean http2 = args.length > 1 && args[1].equals("--http2");
        TenantEndpoint endpoint = new TenantEndpoint(identity, 0, http2);
        System.out.println("PORT " + endpoint.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent holds our standard input open; end of input means it is gone
        }
        endpoint.close();
        System.exit(0);
    }
}
