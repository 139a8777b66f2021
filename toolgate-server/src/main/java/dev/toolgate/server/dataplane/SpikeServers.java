package dev.toolgate.server.dataplane;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * A measurement spike, not a product feature: the data plane's steps ({@link DataPlaneHandler}) served by the
 * Helidon SE 4 web server or by Netty on a second loopback port ({@code toolgate.data-plane.spike} =
 * {@code helidon} or {@code netty}, {@code toolgate.data-plane.spike-port}), so {@code bench/run} can compare the
 * CPU per call of the three fronts on the same invoke path. Serves only what the handler serves; anything it hands on
 * is answered 404. Off unless the property is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("toolgate.data-plane.spike")
class SpikeServers {

    /** The spike server's life, tied to the application context's. */
    @Component
    @ConditionalOnProperty("toolgate.data-plane.spike")
    static final class Lifecycle implements SmartLifecycle {
        private final DataPlaneHandler handler;
        private final String kind;
        private final int port;
        private volatile AutoCloseable server;

        Lifecycle(
                DataPlaneHandler handler,
                @Value("${toolgate.data-plane.spike}") String kind,
                @Value("${toolgate.data-plane.spike-port}") int port) {
            this.handler = handler;
            this.kind = kind;
            this.port = port;
        }

        @Override
        public void start() {
            server = switch (kind) {
                case "helidon" -> helidon(handler, port);
                case "netty" -> netty(handler, port);
                default -> throw new IllegalArgumentException("toolgate.data-plane.spike: helidon or netty");
            };
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server = null;
        }

        @Override
        public boolean isRunning() {
            return server != null;
        }
    }

    private static final byte[] NOT_SERVED = "{\"code\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);

    static AutoCloseable helidon(DataPlaneHandler handler, int port) {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing.post("/v1/agents/*", (req, res) -> {
                    long arrivedAt = System.nanoTime();
                    DataPlaneAnswer answer = handler.serve(
                            req.prologue().method().text(),
                            req.path().rawPath(),
                            name -> req.headers()
                                    .first(HeaderNames.create(name))
                                    .orElse(null),
                            req.headers().contentLength().orElse(-1),
                            length -> req.content().inputStream().readNBytes(length),
                            arrivedAt);
                    if (answer instanceof DataPlaneAnswer.Served served) {
                        res.status(Status.create(served.status()));
                        res.header(HeaderNames.CONTENT_TYPE, served.contentType());
                        res.send(served.body());
                    } else {
                        res.status(Status.NOT_FOUND_404);
                        res.header(HeaderNames.CONTENT_TYPE, "application/json");
                        res.send(NOT_SERVED);
                    }
                }))
                .build()
                .start();
        return server::stop;
    }

    static AutoCloseable netty(DataPlaneHandler handler, int port) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(1 << 16),
                                        new NettyCall(handler, calls));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port))
                .syncUninterruptibly()
                .channel();
        return () -> {
            channel.close().syncUninterruptibly();
            group.shutdownGracefully();
            calls.close();
        };
    }

    private static final class NettyCall extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final DataPlaneHandler handler;
        private final ExecutorService calls;

        NettyCall(DataPlaneHandler handler, ExecutorService calls) {
            this.handler = handler;
            this.calls = calls;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            long arrivedAt = System.nanoTime();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            String method = request.method().name();
            String uri = request.uri();
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            var headers = request.headers().copy();
            byte[] body = ByteBufUtil.getBytes(request.content());
            long length = HttpUtil.getContentLength(request, -1L);
            calls.execute(() -> {
                DataPlaneAnswer answer;
                try {
                    answer = handler.serve(method, path, headers::get, length, n -> body, arrivedAt);
                } catch (IOException e) {
                    ctx.close();
                    return;
                }
                int status = 404;
                String type = "application/json";
                byte[] out = NOT_SERVED;
                if (answer instanceof DataPlaneAnswer.Served served) {
                    status = served.status();
                    type = served.contentType();
                    out = served.body();
                }
                FullHttpResponse response = new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(out));
                response.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, type)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, out.length);
                if (keepAlive) {
                    ctx.writeAndFlush(response);
                } else {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
