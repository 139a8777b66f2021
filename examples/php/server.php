<?php
// Router script for PHP's built-in server; behind a web server, use it as the tool's front controller.
// Run: TOOLGATE_SIGNING_SECRETS=tgsec_... TOOLGATE_BEARER_TOKEN=... php -S 127.0.0.1:8080 server.php
declare(strict_types=1);

require_once __DIR__ . '/endpoint.php';

try {
    [$status, $reply] = Toolgate\Example\handle($_SERVER['REQUEST_METHOD'], $_SERVER['REQUEST_URI'],
        getallheaders(), (string) file_get_contents('php://input'), Toolgate\Example\config_from_env());
} catch (\Throwable $e) {
    error_log('handler failed: ' . $e->getMessage());
    [$status, $reply] = [500, Toolgate\Example\FAILED];
}
http_response_code($status);
header('Content-Type: application/json');
echo json_encode($reply, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
