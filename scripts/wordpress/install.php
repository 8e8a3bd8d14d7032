<?php
/**
 * Installs WordPress offline from PHP CLI (no wp-cli in Debian), then activates the plugin and a
 * default theme and writes the test posts as an Author, who has no unfiltered_html. Prints the
 * posts' addresses as JSON. Run by setup.sh after a fresh database.
 *
 * Usage: php install.php <home url> <kit url>
 */

list( , $home, $kit ) = $argv;
$host                   = parse_url( $home, PHP_URL_HOST );
$_SERVER['HTTP_HOST']   = $host . ':' . parse_url( $home, PHP_URL_PORT );
$_SERVER['SERVER_NAME'] = $host;
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	wp_install( 'Staffing blog', 'admin', 'admin@example.com', false, '', 'admin-password-for-tests' );
}
// No "is your admin email still right?" screen after the administrator logs in.
update_option( 'admin_email_lifespan', time() + YEAR_IN_SECONDS );
// wp_install probes pretty permalinks over HTTP; set them for a deterministic result.
update_option( 'permalink_structure', '/%postname%/' );
flush_rewrite_rules( false );
switch_theme( 'twentytwentythree' );
$activated = activate_plugin( 'reconnect-kit/reconnect-kit.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'The plugin did not activate: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
// The zip pins the widget it was built with (defaults.php); only the address is local here.
update_option( 'reconnect_kit_settings', array( 'address' => $kit ) );

$author = get_user_by( 'login', 'writer' );
$author_id = $author ? $author->ID : wp_insert_user(
	array(
		'user_login' => 'writer',
		'user_pass'  => 'writer-password-for-tests',
		'user_email' => 'writer@example.com',
		'role'       => 'author',
	)
);
wp_set_current_user( $author_id );
if ( current_user_can( 'unfiltered_html' ) ) {
	fwrite( STDERR, "The test author can post unfiltered HTML; the posts would not test kses.\n" );
	exit( 1 );
}

// What a writer pastes: the kit's snippet (stripped by kses for an Author), a shortcode, a
// block and a template's address on a line of its own.
$public = RK_TEST_KIT_PUBLIC;
$posts  = array(
	'shortcode' => "How to thank the people who vouched for you.\n\n"
		. '<script type="module" src="' . $public . 'widget.js"></script><reconnect-template template="thank-you-text">pasted snippet</reconnect-template>'
		. "\n\n[reconnect template=\"thank-you-text\" accent=\"#7a1f5c\"]\n\nGood luck.",
	'block'     => "<!-- wp:paragraph -->\n<p>Asking for a reference by email.</p>\n<!-- /wp:paragraph -->\n\n"
		. '<!-- wp:reconnect-kit/template {"template":"ask-for-a-reference-email","accent":"#7a1f5c","accentDark":"#f0a8d8"} /-->',
	'picker'    => "Pick the message that fits.\n\n[reconnect situation=\"reference\" theme=\"dark\"]",
	'oembed'    => "A template, pasted as a link:\n\n{$public}templates/thank-you-text/\n\nThat is all.",
);
$urls = array();
foreach ( $posts as $name => $content ) {
	$existing = get_page_by_path( 'rk-' . $name, OBJECT, 'post' );
	if ( $existing ) {
		wp_delete_post( $existing->ID, true );
	}
	$id = wp_insert_post(
		array(
			'post_title'   => 'Reconnect Kit: ' . $name,
			'post_name'    => 'rk-' . $name,
			'post_content' => $content,
			'post_status'  => 'publish',
			'post_author'  => $author_id,
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, "Post $name: " . $id->get_error_message() . "\n" );
		exit( 1 );
	}
	$urls[ $name ] = get_permalink( $id );
	$saved[ $name ] = get_post_field( 'post_content', $id );
}
if ( ! is_plugin_active( 'reconnect-kit/reconnect-kit.php' ) ) {
	fwrite( STDERR, "The plugin is not active after activation.\n" );
	exit( 1 );
}
echo wp_json_encode( array( 'home' => home_url( '/' ), 'posts' => $urls, 'saved' => $saved ) ), "\n";
