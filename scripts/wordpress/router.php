<?php
/**
 * The router for PHP's built-in server in front of Debian's WordPress: files of the content
 * folder (plugins, themes, uploads) from the state folder, core files as they are, and every
 * other address through index.php (pretty permalinks).
 */
$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$content = getenv( 'RK_WP_CONTENT' );
if ( is_string( $path ) && str_starts_with( $path, '/wp-content/' ) && false === strpos( $path, '..' ) ) {
	$file = $content . substr( $path, strlen( '/wp-content' ) );
	if ( is_file( $file ) && ! str_ends_with( $file, '.php' ) ) {
		$types = array(
			'css'  => 'text/css',
			'js'   => 'text/javascript',
			'json' => 'application/json',
			'svg'  => 'image/svg+xml',
			'png'  => 'image/png',
			'woff2' => 'font/woff2',
		);
		$ext = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
		header( 'Content-Type: ' . ( $types[ $ext ] ?? 'application/octet-stream' ) );
		readfile( $file );
		return true;
	}
}
if ( is_string( $path ) && '/' !== $path && is_file( __DIR__ . $path ) ) {
	return false;
}
if ( is_string( $path ) && '/' !== $path && is_file( '/usr/share/wordpress' . $path ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require '/usr/share/wordpress/index.php';
